import { FlowPage } from "./flow-page";

export default async function Page({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  return <FlowPage flowId={flowId} />;
}
