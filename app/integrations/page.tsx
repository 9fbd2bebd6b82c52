import { IntegrationList } from "./integration-list";

export default function IntegrationsPage() {
  return <IntegrationList />;
}
