import { Suspense } from "react";
import { RunsPage } from "./runs-page";

export default function Page() {
  // The page reads its filters from the query string, which needs a Suspense boundary.
  return (
    <Suspense>
      <RunsPage />
    </Suspense>
  );
}
