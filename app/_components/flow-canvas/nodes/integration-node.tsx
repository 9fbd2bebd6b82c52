"use client";

import { useTranslations } from "next-intl";
import type { NodeProps } from "@xyflow/react";
import { Plug } from "lucide-react";
import { memo } from "react";
import { integrationNodeDataSchema } from "~/core/flow/document";
import type { CanvasNodeOfKind, IntegrationOption, NodeData } from "../canvas-types";
import { useIntegration, useIntegrationsLoaded } from "../canvas-view";
import { NodeCard, type NodeCardTranslator } from "./node-card";
import type { NodeDefinition } from "./node-definition";

export function integrationSummary(
  data: NodeData<"integration">,
  integration: IntegrationOption | undefined,
  listKnown: boolean,
  t: NodeCardTranslator,
): string[] {
  const values = Object.values(data.variables).filter((v) => v.trim() !== "");
  const target =
    data.integrationId === null
      ? t("integration.none")
      : integration
        ? integration.name
        : listKnown
          ? t("integration.unknown")
          : t("integration.title");
  const sends = t("integration.sends", {
    reminders: data.sendReminders ? "yes" : "no",
    ok: data.sendOk ? "yes" : "no",
  });
  return [values.length > 0 ? `${target} · ${values.join(", ")}` : target, sends];
}

const IntegrationNode = memo(function IntegrationNode({
  id,
  data,
  selected,
}: NodeProps<CanvasNodeOfKind<"integration">>) {
  const t = useTranslations("NodeCard");
  const integration = useIntegration(data.integrationId);
  const [target, sends] = integrationSummary(data, integration, useIntegrationsLoaded(), t);
  return (
    <NodeCard
      id={id}
      kind="integration"
      selected={selected}
      icon={Plug}
      title={data.label || integration?.name || t("integration.title")}
      hasInput
      sources={integrationNode.sources}
    >
      <div className={`truncate ${data.integrationId === null ? "text-warn" : ""}`}>{target}</div>
      <div className="truncate">{sends}</div>
    </NodeCard>
  );
});

export const integrationNode: NodeDefinition<"integration"> = {
  kind: "integration",
  label: "Integration",
  hint: "Slack, PagerDuty, e-mail, webhook…",
  icon: Plug,
  hasInput: true,
  sources: [{ id: "failure", label: "On failure" }],
  createData: () => integrationNodeDataSchema.parse({}),
  component: IntegrationNode,
};
