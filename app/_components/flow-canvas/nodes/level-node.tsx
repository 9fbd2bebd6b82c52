"use client";

import { useLocale, useTranslations } from "next-intl";
import type { NodeProps } from "@xyflow/react";
import { Layers } from "lucide-react";
import { memo } from "react";
import { levelDataSchema, type FlowNode } from "~/core/flow/document";
import type { CanvasNodeOfKind, NodeData } from "../canvas-types";
import { formatDuration } from "../durations";
import { NodeCard, type NodeCardTranslator } from "./node-card";
import type { NodeDefinition } from "./node-definition";

/** A new level goes after the highest one and waits 15 minutes longer, so thresholds increase. */
const NEXT_LEVEL_GAP_SECONDS = 15 * 60;

export function levelSummary(data: NodeData<"level">, t: NodeCardTranslator, locale: string): string[] {
  const when =
    data.mode === "count"
      ? t("level.afterErrors", { count: data.errorCount })
      : data.afterSeconds === 0
        ? t("level.immediately")
        : t("level.after", { duration: formatDuration(data.afterSeconds, locale) });
  const reminders = t("level.reminders", {
    count: data.reminderCount,
    every: formatDuration(data.reminderEverySeconds, locale),
  });
  return [`${when} · ${reminders}`];
}

function createLevelData(existing: readonly FlowNode[]): NodeData<"level"> {
  const levels = existing.flatMap((n) => (n.type === "level" ? [n.data] : []));
  if (levels.length === 0) return levelDataSchema.parse({ level: 1 });
  const top = Math.max(...levels.map((l) => l.level));
  const longest = Math.max(...levels.map((l) => (l.mode === "duration" ? l.afterSeconds : 0)));
  return levelDataSchema.parse({ level: Math.min(20, top + 1), afterSeconds: longest + NEXT_LEVEL_GAP_SECONDS });
}

const LevelNode = memo(function LevelNode({ id, data, selected }: NodeProps<CanvasNodeOfKind<"level">>) {
  const t = useTranslations("NodeCard");
  const locale = useLocale();
  return (
    <NodeCard
      id={id}
      kind="level"
      selected={selected}
      icon={Layers}
      tag={t("level.tag", { level: data.level })}
      title={data.label || t("level.title")}
      hasInput
      sources={levelNode.sources}
    >
      {levelSummary(data, t, locale).map((line) => (
        <div key={line} className="truncate">
          {line}
        </div>
      ))}
      {data.message ? <div className="truncate italic">“{data.message}”</div> : null}
    </NodeCard>
  );
});

export const levelNode: NodeDefinition<"level"> = {
  kind: "level",
  label: "Escalation level",
  hint: "Who hears about it, and when",
  icon: Layers,
  hasInput: true,
  sources: [
    { id: "out", label: "Send" },
    { id: "next", label: "Next level", side: "bottom" },
  ],
  createData: createLevelData,
  component: LevelNode,
};
