import { FailedDeliveriesPage } from "./failed-deliveries-page";

export default function Page() {
  return <FailedDeliveriesPage />;
}
