import { InboxPage } from "./inbox-page";

export default function Page() {
  return <InboxPage />;
}
