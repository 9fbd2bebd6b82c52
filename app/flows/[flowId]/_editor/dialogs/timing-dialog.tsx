"use client";

import { useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { formatOffset, minutesToSeconds } from "~/app/_components/flow-canvas/durations";
import { toFlowGraph } from "~/app/_components/flow-canvas/graph-mapping";
import { nodeTitle } from "~/app/_components/flow-canvas/node-summary";
import { CheckboxField, Field, Input } from "~/app/_components/ui/field";
import { Dialog } from "~/app/_components/ui/dialog";
import { compilePlan } from "~/core/flow/compile-plan";
import { previewTiming, type PreviewMessage } from "~/core/escalation/timing-preview";
import { MESSAGE_TYPE_LABEL } from "~/core/message-template/message-type";
import { validateGraph } from "~/core/flow/validate-graph";
import { useEditor } from "../store/editor-context";
import { TimingChart } from "./timing-chart";

const TYPE_TONE = { error: "text-danger", reminder: "text-warn", ok: "text-ok" } as const;

type Preview = { ok: true; messages: PreviewMessage[] } | { ok: false; problems: string[] };

function TimingPreview() {
  const [minutes, setMinutes] = useState(90);
  const [neverClears, setNeverClears] = useState(false);
  const [checkMinutes, setCheckMinutes] = useState<number | null>(null);
  const { nodes, edges, integrations, loaded } = useEditor(
    useShallow((s) => ({ nodes: s.nodes, edges: s.edges, integrations: s.integrations, loaded: s.integrationsLoaded })),
  );
  const incidentSeconds = neverClears ? Infinity : minutesToSeconds(Math.max(0, minutes || 0));

  const graph = useMemo(() => toFlowGraph(nodes, edges), [nodes, edges]);
  const preview = useMemo((): Preview => {
    const checked = validateGraph(graph, loaded ? { knownIntegrationIds: new Set(Object.keys(integrations)) } : {});
    if (!checked.ok) return { ok: false, problems: checked.errors.map((e) => e.message) };
    const checkIntervalSeconds = checkMinutes && checkMinutes > 0 ? minutesToSeconds(checkMinutes) : undefined;
    return { ok: true, messages: previewTiming(compilePlan(checked.graph), { incidentSeconds, checkIntervalSeconds }) };
  }, [graph, integrations, loaded, incidentSeconds, checkMinutes]);
  const labels = useMemo(() => new Map(graph.nodes.map((n) => [n.id, nodeTitle(n)])), [graph]);

  return (
    <div className="flex flex-col gap-4 p-4">
      <div className="flex flex-wrap items-end gap-4">
        <Field label="Incident lasts (minutes)" htmlFor="timing-minutes">
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
        <Field label="Monitor checks every (minutes, optional)" htmlFor="timing-check">
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
            label="The error never clears"
            checked={neverClears}
            onChange={(e) => setNeverClears(e.target.checked)}
          />
        </div>
      </div>
      {!preview.ok ? (
        <div className="rounded-md border border-danger/40 bg-danger/5 p-3 text-[12px] text-danger">
          <p className="font-medium">
            The draft has {preview.problems.length === 1 ? "a problem" : `${preview.problems.length} problems`}; fix{" "}
            {preview.problems.length === 1 ? "it" : "them"} to preview its timing.
          </p>
          <ul className="mt-1 list-disc pl-5">
            {preview.problems.slice(0, 5).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : preview.messages.length === 0 ? (
        <p className="text-muted">Nothing is sent: no level fires before the incident ends.</p>
      ) : (
        <>
          <TimingChart messages={preview.messages} incidentSeconds={incidentSeconds} />
          <table className="w-full text-left text-[12px]" data-testid="timing-table">
            <thead className="border-b border-border text-muted">
              <tr>
                <th className="py-1.5 pr-3 font-medium">Time</th>
                <th className="py-1.5 pr-3 font-medium">Level</th>
                <th className="py-1.5 pr-3 font-medium">Message</th>
                <th className="py-1.5 pr-3 font-medium">Integration</th>
                <th className="py-1.5 font-medium">Via node</th>
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
                    {MESSAGE_TYPE_LABEL[m.type]}
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
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      size="md"
      title="Timing preview"
      description="Every message the current draft would send for one incident, measured from its first error."
    >
      <TimingPreview />
    </Dialog>
  );
}
