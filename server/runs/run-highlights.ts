import type { ReadRunEvent } from "~/core/escalation/run-event";
import type { Delivery } from "~/db/schema";

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
  for (const e of events) {
    if (e.type === "level.fired") highlights[e.nodeId] ??= "fired";
    if (e.type === "delivery.error") highlights[e.nodeId] = "failed";
  }
  for (const d of deliveries) {
    if (d.status === "failed") highlights[d.nodeId] = "failed";
    else if (d.status === "delivered") highlights[d.nodeId] ??= "fired";
  }
  if (nextNodeId) highlights[nextNodeId] ??= "next";
  return highlights;
}
