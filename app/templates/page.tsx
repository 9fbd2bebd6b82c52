import { TemplatesPage } from "./templates-page";

export default function Page() {
  return <TemplatesPage />;
}
