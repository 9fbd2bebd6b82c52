"use client";

import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "../../_components/ui/page-header";
import { StatusBadge } from "../../_components/ui/status-badge";
import { ReadOnlyFlow } from "../../_components/flow-canvas/read-only-flow";
import { useTRPC } from "../../_lib/trpc";

export function FlowPage({ flowId }: { flowId: string }) {
  const trpc = useTRPC();
  const flow = useQuery(trpc.flows.get.queryOptions({ flowId }));
  if (flow.error) return <p className="p-6 text-danger">{flow.error.message}</p>;
  if (!flow.data) return <p className="p-6 text-muted">Loading flow…</p>;
  return (
    <div className="flex h-screen flex-col">
      <PageHeader
        title={flow.data.name}
        subtitle={flow.data.description || undefined}
        actions={
          <StatusBadge tone={flow.data.published ? "ok" : "neutral"}>
            {flow.data.published ? `Published v${flow.data.published.version}` : "Not published"}
          </StatusBadge>
        }
      />
      <div className="min-h-0 flex-1" data-testid="flow-canvas">
        <ReadOnlyFlow graph={flow.data.graph} />
      </div>
    </div>
  );
}
