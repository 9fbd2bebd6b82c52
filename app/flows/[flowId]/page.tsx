import { createPageContext } from "~/server/page-context";
import { createCaller } from "~/server/routers/_app";
import { FlowPage } from "./flow-page";

/**
 * Fetches the flow and the workspace's integrations while the page is rendered, not after the
 * client has hydrated: the editor starts drawing without a request round trip, with integration
 * names already known. Any failure (unknown id, database down) is left for the client queries to
 * report the usual way.
 */
async function prefetch(flowId: string) {
  try {
    const caller = createCaller(await createPageContext());
    const [flow, integrations] = await Promise.all([
      caller.flows.get({ flowId }).catch(() => undefined),
      caller.integrations.list(),
    ]);
    return { flow, integrations };
  } catch {
    return { flow: undefined, integrations: undefined };
  }
}

export default async function Page({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  const { flow, integrations } = await prefetch(flowId);
  return <FlowPage flowId={flowId} initialFlow={flow} initialIntegrations={integrations} />;
}
