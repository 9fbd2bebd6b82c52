import type { ReadRunEvent } from "~/core/escalation/run-event";
import type { Delivery } from "~/db/schema";
import { ownEntry, putOwn } from "~/core/own-entry";

export type NodeHighlight = "fired" | "failed" | "next";

/**
 * What to mark on the graph a run ran: levels that fired and integrations that delivered are
 * "fired"; an integration with a failed message is "failed", which wins over delivered ones; the
 * level the engine reaches next (when it is one that has not fired) is "next".
 */
export function runHighlights(
  events: readonly ReadRunEvent[],
  deliveries: readonly Pick<Delivery, "nodeId" | "status">[],
  nextNodeId?: string,
): Record<string, NodeHighlight> {
  const highlights: Record<string, NodeHighlight> = {};
  const mark = (nodeId: string, highlight: NodeHighlight, onlyIfUnmarked: boolean) => {
    if (!onlyIfUnmarked || ownEntry(highlights, nodeId) === undefined) putOwn(highlights, nodeId, highlight);
  };
  for (const e of events) {
    if (e.type === "level.fired") mark(e.nodeId, "fired", true);
    if (e.type === "delivery.error") mark(e.nodeId, "failed", false);
  }
  for (const d of deliveries) {
    if (d.status === "failed") mark(d.nodeId, "failed", false);
    else if (d.status === "delivered") mark(d.nodeId, "fired", true);
  }
  if (nextNodeId) mark(nextNodeId, "next", true);
  return highlights;
}
