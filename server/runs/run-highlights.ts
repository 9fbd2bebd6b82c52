import type { ReadRunEvent } from "~/core/escalation/run-event";
import type { Delivery } from "~/db/schema";

export type NodeHighlight = "fired" | "failed";

/**
 * What to mark on the graph a run ran: levels that fired and integrations that delivered are
 * "fired"; an integration with a failed message is "failed", which wins over delivered ones.
 */
export function runHighlights(
  events: readonly ReadRunEvent[],
  deliveries: readonly Pick<Delivery, "nodeId" | "status">[],
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
  return highlights;
}
