"use client";

import type { NodeProps } from "@xyflow/react";
import { BellRing } from "lucide-react";
import { memo } from "react";
import { triggerDataSchema, type AlertFormat } from "~/core/flow/document";
import type { CanvasNodeOfKind, NodeData } from "../canvas-types";
import { NodeCard } from "./node-card";
import type { NodeDefinition } from "./node-definition";

export const FORMAT_LABELS: Record<AlertFormat, string> = {
  generic: "Generic JSON",
  uptrends: "Uptrends",
  alertmanager: "Alertmanager",
  grafana: "Grafana",
};

export function triggerSummary(data: NodeData<"trigger">): string[] {
  const filters = data.filters.length;
  return [
    `${FORMAT_LABELS[data.format]} alerts${filters ? ` · ${filters} filter${filters > 1 ? "s" : ""}` : ""}`,
    data.alertKey ? `key ${data.alertKey}` : "key from the alert",
  ];
}

const TriggerNode = memo(function TriggerNode({ id, data, selected }: NodeProps<CanvasNodeOfKind<"trigger">>) {
  return (
    <NodeCard
      id={id}
      kind="trigger"
      selected={selected}
      icon={BellRing}
      title={data.label || "Trigger"}
      hasInput={false}
      sources={triggerNode.sources}
    >
      {triggerSummary(data).map((line) => (
        <div key={line} className="truncate">
          {line}
        </div>
      ))}
    </NodeCard>
  );
});

export const triggerNode: NodeDefinition<"trigger"> = {
  kind: "trigger",
  label: "Trigger",
  hint: "Where alerts come in",
  icon: BellRing,
  hasInput: false,
  sources: [{ id: "out" }],
  createData: () => triggerDataSchema.parse({}),
  component: TriggerNode,
};
