import { describe, expect, it } from "vitest";
import type { Delivery, RunEvent } from "~/db/schema";
import { mergeTimeline } from "./run-timeline";

const RUN = "00000000-0000-4000-8000-000000000000";
const t = (seconds: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, seconds));

const event = (id: string, at: Date, type: string, extra: Partial<RunEvent> = {}): RunEvent => ({
  id,
  runId: RUN,
  at,
  type,
  level: null,
  nodeId: null,
  detail: {},
  ...extra,
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
  latencyMs: 12,
  isFallback: false,
  createdAt,
  updatedAt: createdAt,
  ...extra,
});

const names = new Map([["int-1", { name: "Ops webhook", type: "webhook" }]]);

describe("mergeTimeline", () => {
  it("puts events and deliveries in time order, an event first when they share an instant", () => {
    const timeline = mergeTimeline(
      [
        event("e1", t(0), "alert.error"),
        event("e2", t(1), "level.fired", { level: 1 }),
        event("e3", t(30), "resolved"),
      ],
      [delivery("d1", t(1)), delivery("d2", t(31), { messageType: "ok" })],
      names,
    );
    expect(timeline.map((e) => e.id)).toEqual(["e1", "e2", "d1", "e3", "d2"]);
  });

  it("keeps the stored order of entries of one kind at the same instant", () => {
    const timeline = mergeTimeline([event("b", t(5), "alert.error"), event("a", t(5), "alert.error")], [], names);
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

  it("reads the stored request and response, and drops shapes it cannot read", () => {
    const [ok, odd] = mergeTimeline(
      [],
      [
        delivery("d1", t(1), {
          request: { method: "POST", url: "https://hooks.example/x", headers: { Authorization: "***" }, body: "{}" },
          response: { status: 500, headers: {}, body: "boom" },
        }),
        delivery("d2", t(2), { request: { method: 3 }, response: null }),
      ],
      names,
    );
    if (ok?.kind !== "delivery" || odd?.kind !== "delivery") throw new Error("expected deliveries");
    expect(ok.delivery.request).toEqual({
      method: "POST",
      url: "https://hooks.example/x",
      headers: { Authorization: "***" },
      body: "{}",
    });
    expect(ok.delivery.response).toEqual({ status: 500, headers: {}, body: "boom" });
    expect(odd.delivery.request).toEqual({ method: "", url: "", headers: {}, body: "" });
    expect(odd.delivery.response).toBeNull();
  });
});
