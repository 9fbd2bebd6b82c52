import { IntegrationEditor } from "./_editor/integration-editor";

export default async function IntegrationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <IntegrationEditor integrationId={id} />;
}
