import { describe, expect, it } from "vitest";
import type { StoredRunEvent } from "~/db/run-event-rows";
import type { Delivery } from "~/db/schema";
import { mergeTimeline } from "./run-timeline";

const RUN = "00000000-0000-4000-8000-000000000000";
const t = (seconds: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, seconds));

const event = (id: string, at: Date): StoredRunEvent => ({
  id,
  at,
  event: { type: "alert.error", detail: { count: 1, summary: "down" } },
});

const delivery = (id: string, createdAt: Date, extra: Partial<Delivery> = {}): Delivery => ({
  id,
  runId: RUN,
  integrationId: "int-1",
  nodeId: "hook",
  messageType: "error",
  level: 1,
  reminderNumber: 0,
  idempotencyKey: id,
  status: "delivered",
  attempts: 1,
  statusCode: 200,
  request: null,
  response: null,
  error: null,
  errorReason: null,
  latencyMs: 12,
  workspaceId: null,
  flowId: null,
  isFallback: false,
  leasedUntil: null,
  createdAt,
  updatedAt: createdAt,
  ...extra,
});

const names = new Map([["int-1", { name: "Ops webhook", type: "webhook" }]]);

describe("mergeTimeline", () => {
  it("puts events and deliveries in time order, an event first when they share an instant", () => {
    const timeline = mergeTimeline(
      [event("e1", t(0)), event("e2", t(1)), event("e3", t(30))],
      [delivery("d1", t(1)), delivery("d2", t(31), { messageType: "ok" })],
      names,
    );
    expect(timeline.map((e) => e.id)).toEqual(["e1", "e2", "d1", "e3", "d2"]);
  });

  it("keeps the stored order of entries of one kind at the same instant", () => {
    const timeline = mergeTimeline([event("b", t(5)), event("a", t(5))], [], names);
    expect(timeline.map((e) => e.id)).toEqual(["b", "a"]);
  });

  it("names the integration, and says so when it was deleted or is unknown", () => {
    const timeline = mergeTimeline(
      [],
      [
        delivery("d1", t(1)),
        delivery("d2", t(2), { integrationId: null }),
        delivery("d3", t(3), { integrationId: "gone" }),
      ],
      names,
    );
    const labels = timeline.map((e) => (e.kind === "delivery" ? e.delivery.integrationName : ""));
    expect(labels).toEqual(["Ops webhook", "Deleted integration", "Unknown integration"]);
  });
});
