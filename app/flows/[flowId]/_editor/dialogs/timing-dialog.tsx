"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { formatOffset, minutesToSeconds } from "~/app/_components/flow-canvas/durations";
import { toFlowGraph } from "~/app/_components/flow-canvas/graph-mapping";
import { useNodeTitle } from "~/app/_components/flow-canvas/node-summary";
import { useIssueText, type IssueLike } from "~/app/_components/flow-canvas/use-issue-text";
import { CheckboxField, Field, Input } from "~/app/_components/ui/field";
import { Dialog } from "~/app/_components/ui/dialog";
import { compilePlan } from "~/core/flow/compile-plan";
import { previewTiming, type PreviewMessage } from "~/core/escalation/timing-preview";
import { validateGraph } from "~/core/flow/validate-graph";
import { useEditor } from "../store/editor-context";
import { TimingChart } from "./timing-chart";

const TYPE_TONE = { error: "text-danger", reminder: "text-warn", ok: "text-ok" } as const;

type Preview = { ok: true; messages: PreviewMessage[] } | { ok: false; problems: IssueLike[] };

function TimingPreview() {
  const t = useTranslations("Timing");
  const nodeTitle = useNodeTitle();
  const [minutes, setMinutes] = useState(90);
  const [neverClears, setNeverClears] = useState(false);
  const [checkMinutes, setCheckMinutes] = useState<number | null>(null);
  const { nodes, edges, integrations, loaded } = useEditor(
    useShallow((s) => ({ nodes: s.nodes, edges: s.edges, integrations: s.integrations, loaded: s.integrationsLoaded })),
  );
  const incidentSeconds = neverClears ? Infinity : minutesToSeconds(Math.max(0, minutes || 0));

  const graph = useMemo(() => toFlowGraph(nodes, edges), [nodes, edges]);
  const preview = useMemo((): Preview => {
    const checked = validateGraph(
      graph,
      loaded
        ? {
            knownIntegrationIds: new Set(Object.keys(integrations)),
            integrationNames: Object.fromEntries(Object.values(integrations).map((i) => [i.id, i.name])),
          }
        : {},
    );
    if (!checked.ok) return { ok: false, problems: checked.errors };
    const checkIntervalSeconds = checkMinutes && checkMinutes > 0 ? minutesToSeconds(checkMinutes) : undefined;
    return { ok: true, messages: previewTiming(compilePlan(checked.graph), { incidentSeconds, checkIntervalSeconds }) };
  }, [graph, integrations, loaded, incidentSeconds, checkMinutes]);
  const labels = new Map(graph.nodes.map((n) => [n.id, nodeTitle(n)]));
  const nodesById = new Map(graph.nodes.map((n) => [n.id, n]));
  const issueText = useIssueText(
    (id) => nodesById.get(id),
    (id) => integrations[id]?.name,
  );

  return (
    <div className="flex flex-col gap-4 p-4">
      <div className="flex flex-wrap items-end gap-4">
        <Field label={t("lasts")} htmlFor="timing-minutes">
          <Input
            id="timing-minutes"
            type="number"
            step="any"
            min={0}
            className="w-32"
            value={Number.isNaN(minutes) ? "" : minutes}
            disabled={neverClears}
            onChange={(e) => setMinutes(e.target.valueAsNumber)}
          />
        </Field>
        <Field label={t("checks")} htmlFor="timing-check">
          <Input
            id="timing-check"
            type="number"
            step="any"
            min={0}
            className="w-32"
            placeholder="—"
            value={checkMinutes ?? ""}
            onChange={(e) => setCheckMinutes(Number.isNaN(e.target.valueAsNumber) ? null : e.target.valueAsNumber)}
          />
        </Field>
        <div className="pb-1.5">
          <CheckboxField
            label={t("neverClears")}
            checked={neverClears}
            onChange={(e) => setNeverClears(e.target.checked)}
          />
        </div>
      </div>
      {!preview.ok ? (
        <div className="rounded-md border border-danger/40 bg-danger/5 p-3 text-[12px] text-danger">
          <p className="font-medium">{t("problems", { count: preview.problems.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {preview.problems.slice(0, 5).map((p, i) => (
              <li key={`${p.code}-${p.nodeId ?? ""}-${i}`}>{issueText(p)}</li>
            ))}
          </ul>
        </div>
      ) : preview.messages.length === 0 ? (
        <p className="text-muted">{t("nothingSent")}</p>
      ) : (
        <>
          <TimingChart messages={preview.messages} incidentSeconds={incidentSeconds} />
          <table className="w-full text-left text-[12px]" data-testid="timing-table">
            <thead className="border-b border-border text-muted">
              <tr>
                <th className="py-1.5 pr-3 font-medium">{t("columns.time")}</th>
                <th className="py-1.5 pr-3 font-medium">{t("columns.level")}</th>
                <th className="py-1.5 pr-3 font-medium">{t("columns.message")}</th>
                <th className="py-1.5 pr-3 font-medium">{t("columns.integration")}</th>
                <th className="py-1.5 font-medium">{t("columns.node")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.messages.map((m, i) => (
                <tr
                  key={`${m.nodeId}-${m.type}-${m.level}-${m.reminderNumber}-${i}`}
                  className="border-b border-border last:border-0"
                >
                  <td className="py-1 pr-3 font-mono tabular-nums">{formatOffset(m.atSeconds)}</td>
                  <td className="py-1 pr-3 tabular-nums">{m.level}</td>
                  <td className={`py-1 pr-3 ${TYPE_TONE[m.type]}`}>
                    {t(`types.${m.type}`)}
                    {m.reminderNumber > 0 ? ` #${m.reminderNumber}` : ""}
                  </td>
                  <td className="py-1 pr-3">{integrations[m.integrationId]?.name ?? m.integrationId}</td>
                  <td className="py-1 text-muted">{labels.get(m.nodeId) ?? m.nodeId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

/** "For an incident lasting N minutes, what is sent when?" over the draft as drawn now. */
export function TimingDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("Timing");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} size="md" title={t("title")} description={t("description")}>
      <TimingPreview />
    </Dialog>
  );
}
