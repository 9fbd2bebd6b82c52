"use client";

import { useTranslations } from "next-intl";
import type { NodeProps } from "@xyflow/react";
import { BellRing } from "lucide-react";
import { memo } from "react";
import { triggerDataSchema, type AlertFormat } from "~/core/flow/document";
import type { CanvasNodeOfKind, NodeData } from "../canvas-types";
import { NodeCard, type NodeCardTranslator } from "./node-card";
import type { NodeDefinition } from "./node-definition";

/** Product names read the same in every language; "Generic JSON" is worded by the page. */
const PRODUCT_FORMATS: Record<Exclude<AlertFormat, "generic">, string> = {
  uptrends: "Uptrends",
  alertmanager: "Alertmanager",
  grafana: "Grafana",
};

/** An alert format's name in the page's language. */
export const formatLabel = (format: AlertFormat, t: NodeCardTranslator): string =>
  format === "generic" ? t("trigger.genericFormat") : PRODUCT_FORMATS[format];

export function triggerSummary(data: NodeData<"trigger">, t: NodeCardTranslator): string[] {
  return [
    t("trigger.format", { format: formatLabel(data.format, t), filters: data.filters.length }),
    data.alertKey ? t("trigger.key", { key: data.alertKey }) : t("trigger.keyFromAlert"),
  ];
}

const TriggerNode = memo(function TriggerNode({ id, data, selected }: NodeProps<CanvasNodeOfKind<"trigger">>) {
  const t = useTranslations("NodeCard");
  return (
    <NodeCard
      id={id}
      kind="trigger"
      selected={selected}
      icon={BellRing}
      title={data.label || t("trigger.title")}
      hasInput={false}
      sources={triggerNode.sources}
    >
      {triggerSummary(data, t).map((line) => (
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
