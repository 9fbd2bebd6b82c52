import { describe, expect, it } from "vitest";
import { minimalAlert } from "../core/alerts/alert";
import { compilePlan } from "../core/flow/compile-plan";
import { reduceIncident } from "../core/escalation/escalation-reducer";
import { newEscalationState } from "../core/escalation/escalation-state";
import { incidentFrom, type Incident } from "../core/escalation/incident";
import { twoLevelGraph } from "../test-support/graph-builder";
import { idempotencyKeyFor } from "../worker/activities/delivery-key";
import { duePlanOf } from "./due-plan";

const A = "5a0c3d1e-2b4f-4a6c-8d9e-0f1a2b3c4d50";
const B = "5a0c3d1e-2b4f-4a6c-8d9e-0f1a2b3c4d51";
const plan = compilePlan(
  twoLevelGraph([A, B], { level: 1 }, { level: 2, afterSeconds: 20, reminderCount: 2, reminderEverySeconds: 60 }),
);
const input = { runId: "run-1", workspaceId: "w", flowId: "f", flowName: "Checkout", alertKey: "k", plan };
const alert = (status: "error" | "ok", summary = "down") =>
  minimalAlert({ key: "k", status, summary, occurredAt: "2026-01-01T00:00:00.000Z" });
const START = Date.parse("2026-01-01T00:00:00.000Z");

/** The incident as the workflow holds it after its first error and the tick at that moment. */
function opened(): Incident {
  let incident = incidentFrom(newEscalationState(START, alert("error")));
  incident = reduceIncident(plan, incident, {
    type: "alert",
    alert: alert("error"),
    receivedAt: new Date(START).toISOString(),
    atMs: START,
  }).incident;
  return reduceIncident(plan, incident, { type: "tick", atMs: START }).incident;
}

describe("duePlanOf", () => {
  it("plans level 2 at its due time, under the keys the workflow's tick will use", () => {
    const due = duePlanOf(input, opened(), 3);
    expect(due?.dueAtMs).toBe(START + 20_000);
    expect(due?.basisSeq).toBe(3);
    expect(due?.messages.map(idempotencyKeyFor)).toEqual([`run-1:2:error:0:${due?.messages[0]?.target.nodeId}`]);
    expect(due?.messages[0]).toMatchObject({ level: 2, messageType: "error", reminderNumber: 0, isFallback: false });
    expect(due?.messages[0]?.target.integrationId).toBe(B);
  });

  it("plans level 2's first reminder once level 2 fired, from the moment it fired", () => {
    const fired = reduceIncident(plan, opened(), { type: "tick", atMs: START + 21_000 }).incident;
    const due = duePlanOf(input, fired, 0);
    expect(due?.dueAtMs).toBe(START + 21_000 + 60_000);
    expect(due?.messages.map((m) => [m.level, m.messageType, m.reminderNumber])).toEqual([[2, "reminder", 1]]);
  });

  it("plans nothing once acknowledged, recovered or stopping", () => {
    const acked = reduceIncident(plan, opened(), { type: "acknowledge", by: "op", atMs: START + 1 }).incident;
    expect(duePlanOf(input, acked, 0)).toBeNull();
    const ok = { type: "alert" as const, alert: alert("ok"), receivedAt: "", atMs: START + 1 };
    expect(duePlanOf(input, reduceIncident(plan, opened(), ok).incident, 0)).toBeNull();
    const stopping = reduceIncident(plan, opened(), { type: "resolve", by: "op", atMs: START + 1 }).incident;
    expect(duePlanOf(input, stopping, 0)).toBeNull();
  });

  it("plans nothing when every level and reminder has gone out", () => {
    let incident = opened();
    for (const atMs of [START + 20_000, START + 80_000, START + 140_000]) {
      incident = reduceIncident(plan, incident, { type: "tick", atMs }).incident;
    }
    expect(duePlanOf(input, incident, 0)).toBeNull();
  });
});
