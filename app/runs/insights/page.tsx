import { Suspense } from "react";
import { InsightsPage } from "./insights-page";

export default function Page() {
  // The page reads its selection from the query string, which needs a Suspense boundary.
  return (
    <Suspense>
      <InsightsPage />
    </Suspense>
  );
}
