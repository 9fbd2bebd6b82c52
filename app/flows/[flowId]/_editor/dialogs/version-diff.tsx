"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { IntegrationOption, NodeHighlight } from "~/app/_components/flow-canvas/canvas-types";
import { useNodeTitle } from "~/app/_components/flow-canvas/node-summary";
import { ReadOnlyFlow } from "~/app/_components/flow-canvas/read-only-flow";
import type { FlowEdge, FlowGraph } from "~/core/flow/document";
import { diffGraphs, isEmptyDiff } from "../store/graph-diff";
import { putOwn } from "~/core/own-entry";

interface Side {
  label: string;
  graph: FlowGraph;
}

type Line = { sign: "+" | "−" | "~"; text: string };

/** A change list and the two graphs side by side, marked: added green, removed red, changed amber. */
export function VersionDiff({
  from,
  to,
  integrations,
}: {
  from: Side;
  to: Side;
  integrations: readonly IntegrationOption[];
}) {
  const t = useTranslations("VersionDiff");
  const card = useTranslations("NodeCard");
  const nodeTitle = useNodeTitle();
  const diff = useMemo(() => diffGraphs(from.graph, to.graph), [from.graph, to.graph]);
  const { left, right, lines } = useMemo(() => {
    const left: Record<string, NodeHighlight> = {};
    const right: Record<string, NodeHighlight> = {};
    const lines: Line[] = [];
    const edgeText = (edge: FlowEdge, graph: FlowGraph): string => {
      const name = (id: string) => {
        const node = graph.nodes.find((n) => n.id === id);
        return node ? nodeTitle(node) : id;
      };
      return t("edge", {
        source: name(edge.source),
        target: name(edge.target),
        handle: card(`handles.${edge.sourceHandle}`),
      });
    };
    for (const n of diff.addedNodes) {
      putOwn(right, n.id, "added");
      lines.push({ sign: "+", text: t("added", { node: nodeTitle(n) }) });
    }
    for (const n of diff.removedNodes) {
      putOwn(left, n.id, "removed");
      lines.push({ sign: "−", text: t("removed", { node: nodeTitle(n) }) });
    }
    for (const c of diff.changedNodes) {
      if (c.fields.length > 0) {
        putOwn(left, c.before.id, "changed");
        putOwn(right, c.after.id, "changed");
      }
      const what = [
        c.fields.length > 0 ? t("changedFields", { fields: c.fields.join(", ") }) : null,
        c.moved ? t("moved") : null,
      ].filter((w) => w !== null);
      lines.push({ sign: "~", text: `${nodeTitle(c.after)}: ${what.join("; ")}` });
    }
    for (const e of diff.addedEdges) lines.push({ sign: "+", text: t("connected", { edge: edgeText(e, to.graph) }) });
    for (const e of diff.removedEdges)
      lines.push({ sign: "−", text: t("disconnected", { edge: edgeText(e, from.graph) }) });
    return { left, right, lines };
  }, [diff, from.graph, to.graph, t, card, nodeTitle]);

  const tone = { "+": "text-ok", "−": "text-danger", "~": "text-warn" } as const;
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      <div
        className="max-h-40 overflow-y-auto rounded-md border border-border bg-bg px-3 py-2 text-[12px]"
        data-testid="version-diff"
      >
        {isEmptyDiff(diff) ? (
          <p className="text-muted">{t("none")}</p>
        ) : (
          <ul className="flex flex-col gap-0.5">
            {lines.map((l, i) => (
              <li key={`${l.text}-${i}`} className="flex gap-2">
                <span className={`w-3 shrink-0 font-mono ${tone[l.sign]}`}>{l.sign}</span>
                {l.text}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="grid min-h-80 flex-1 grid-cols-2 gap-3">
        {[
          { id: "from", side: from, highlights: left },
          { id: "to", side: to, highlights: right },
        ].map(({ id, side, highlights }) => (
          // Keyed by position: both sides may carry the same label ("Current draft" twice).
          <div key={id} className="flex min-h-0 flex-col overflow-hidden rounded-md border border-border">
            <div className="border-b border-border bg-panel px-3 py-1.5 text-[12px] font-medium">{side.label}</div>
            <div className="min-h-0 flex-1">
              <ReadOnlyFlow graph={side.graph} highlights={highlights} integrations={integrations} minimap={false} />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
