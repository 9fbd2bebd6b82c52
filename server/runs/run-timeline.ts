import type { ReadRunEvent } from "~/core/escalation/run-event";
import type { StoredRunEvent } from "~/db/run-event-rows";
import type { Delivery, DeliveryAttempt } from "~/db/schema";

export interface IntegrationLabel {
  name: string;
  type: string;
}

export interface DeliveryView {
  id: string;
  integrationId: string | null;
  integrationName: string;
  integrationType: string;
  nodeId: string;
  messageType: Delivery["messageType"];
  level: number;
  reminderNumber: number;
  status: Delivery["status"];
  attempts: number;
  statusCode: number | null;
  latencyMs: number | null;
  error: string | null;
  /** Why Alertflow itself failed the latest attempt, worded by the page; null for a receiver's error. */
  errorReason: Delivery["errorReason"];
  isFallback: boolean;
  request: Delivery["request"];
  response: Delivery["response"];
  updatedAt: Date;
  /** Every attempt, oldest first; empty for deliveries recorded before attempts were kept. */
  attemptLog: AttemptView[];
}

export type AttemptView = Omit<DeliveryAttempt, "deliveryId" | "runId" | "createdAt">;

export const attemptView = ({ deliveryId: _d, runId: _r, createdAt: _c, ...attempt }: DeliveryAttempt): AttemptView =>
  attempt;

export type TimelineEntry =
  | { kind: "event"; id: string; at: Date; event: ReadRunEvent }
  | { kind: "delivery"; id: string; at: Date; delivery: DeliveryView };

export function deliveryView(
  row: Delivery,
  integration: IntegrationLabel | undefined,
  attempts: readonly DeliveryAttempt[] = [],
): DeliveryView {
  return {
    id: row.id,
    integrationId: row.integrationId,
    integrationName: integration?.name ?? (row.integrationId ? "Unknown integration" : "Deleted integration"),
    integrationType: integration?.type ?? "",
    nodeId: row.nodeId,
    messageType: row.messageType,
    level: row.level,
    reminderNumber: row.reminderNumber,
    status: row.status,
    attempts: row.attempts,
    statusCode: row.statusCode,
    latencyMs: row.latencyMs,
    error: row.error,
    errorReason: row.errorReason,
    isFallback: row.isFallback,
    request: row.request,
    response: row.response,
    updatedAt: row.updatedAt,
    attemptLog: attempts.map(attemptView),
  };
}

/**
 * One time-ordered list of what happened. At the same instant an event comes before a
 * delivery, since a level fires before its messages go out; otherwise input order is kept.
 */
export function mergeTimeline(
  events: readonly StoredRunEvent[],
  deliveries: readonly Delivery[],
  integrations: ReadonlyMap<string, IntegrationLabel>,
  attempts: ReadonlyMap<string, readonly DeliveryAttempt[]> = new Map(),
): TimelineEntry[] {
  const entries: { entry: TimelineEntry; rank: number; order: number }[] = [];
  events.forEach((e, order) =>
    entries.push({
      entry: { kind: "event", id: e.id, at: e.at, event: e.event },
      rank: 0,
      order,
    }),
  );
  deliveries.forEach((d, order) =>
    entries.push({
      entry: {
        kind: "delivery",
        id: d.id,
        at: d.createdAt,
        delivery: deliveryView(d, d.integrationId ? integrations.get(d.integrationId) : undefined, attempts.get(d.id)),
      },
      rank: 1,
      order,
    }),
  );
  entries.sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || a.rank - b.rank || a.order - b.order);
  return entries.map((e) => e.entry);
}
