"use client";

import { useQuery } from "@tanstack/react-query";
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

  // The server read the graph through the store layer: already migrated to the current version.
  const { id, name, description, enabled, revision, published, graph } = flow.data;
  return (
    <FlowEditor
      key={id}
      flow={{ id, name, description, enabled, graph, revision, published }}
      initialIntegrations={initialIntegrations}
    />
  );
}
