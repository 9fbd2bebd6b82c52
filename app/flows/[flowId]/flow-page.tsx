"use client";

import { useQuery } from "@tanstack/react-query";
import { migrateGraph } from "~/core/flow/migrations";
import { useTRPC, type RouterOutputs } from "../../_lib/trpc";
import { FlowEditor } from "./_editor/flow-editor";

/**
 * Loads the flow and opens the editor. The editor keeps the graph and revision it first got:
 * later refetches (after publish, enable) only refresh the top bar's badges.
 */
interface FlowPageProps {
  flowId: string;
  initialFlow?: RouterOutputs["flows"]["get"];
  initialIntegrations?: RouterOutputs["integrations"]["list"];
}

export function FlowPage({ flowId, initialFlow, initialIntegrations }: FlowPageProps) {
  const trpc = useTRPC();
  const flow = useQuery({ ...trpc.flows.get.queryOptions({ flowId }), initialData: initialFlow });
  if (flow.error) return <p className="p-6 text-danger">{flow.error.message}</p>;
  if (!flow.data) return <p className="p-6 text-muted">Loading flow…</p>;

  let graph;
  try {
    graph = migrateGraph(flow.data.graph);
  } catch (err) {
    return (
      <p className="p-6 text-danger">This flow cannot be opened: {err instanceof Error ? err.message : String(err)}</p>
    );
  }
  const { id, name, description, enabled, revision, published } = flow.data;
  return (
    <FlowEditor
      key={id}
      flow={{ id, name, description, enabled, graph, revision, published }}
      initialIntegrations={initialIntegrations}
    />
  );
}
