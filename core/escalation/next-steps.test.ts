import { describe, expect, it } from "vitest";
import { minimalAlert } from "../alerts/alert";
import { compilePlan } from "../flow/compile-plan";
import { singleLevelGraph } from "../../test-support/graph-builder";
import { workedTimelineGraph } from "../../test-support/sample-graphs";
import { reduceIncident } from "./escalation-reducer";
import { newEscalationState } from "./escalation-state";
import { incidentFrom, wakeDelayMs } from "./incident";
import { incidentFromEvents, upcomingSteps, type TimedRunEvent } from "./next-steps";

const ID = "5a0c3d1e-2b4f-4a6c-8d9e-0f1a2b3c4d50";
const MIN = 60_000;
const plan = compilePlan(workedTimelineGraph({ l1: { a: ID }, l2: { b: ID }, l3: { c: ID } }));
const alert = minimalAlert({ key: "k", status: "error", summary: "down", occurredAt: "2026-01-01T00:00:00.000Z" });

/** Runs the engine's reducer as the workflow does, for `untilMs`; returns what it recorded and sent. */
function runEngine(untilMs: number) {
  let incident = incidentFrom(newEscalationState(0, alert));
  const recorded: TimedRunEvent[] = [];
  const sent: { atMs: number; label: string }[] = [];
  let now = 0;
  const apply = (event: Parameters<typeof reduceIncident>[2]) => {
    const reduced = reduceIncident(plan, incident, event);
    incident = reduced.incident;
    for (const c of reduced.commands) {
      if (c.kind === "record") {
        const { at, ...body } = c.event;
        recorded.push({ atMs: Date.parse(at), event: body });
      } else if (c.messageType !== "ok")
        sent.push({ atMs: now, label: `L${c.level.level} ${c.messageType}#${c.reminderNumber}` });
    }
  };
  apply({ type: "alert", alert, receivedAt: new Date(0).toISOString(), atMs: 0 });
  apply({ type: "tick", atMs: 0 });
  for (;;) {
    const delay = wakeDelayMs(plan, incident, now);
    if (delay === null || now + delay > untilMs) break;
    now += delay;
    apply({ type: "tick", atMs: now });
  }
  return { recorded, sent };
}

const label = (s: { level: number; messageType: string; reminderNumber: number }) =>
  `L${s.level} ${s.messageType}#${s.reminderNumber}`;

describe("upcomingSteps", () => {
  it("names the next messages of the worked example with their times and reminder counts", () => {
    const { recorded } = runEngine(0);
    const incident = incidentFromEvents(0, alert, "escalating", recorded);
    const { steps } = upcomingSteps(plan, incident);
    expect(steps).toEqual([
      { atMs: 10 * MIN, level: 1, nodeId: "l1", messageType: "reminder", reminderNumber: 1, reminderCount: 2 },
      { atMs: 15 * MIN, level: 2, nodeId: "l2", messageType: "error", reminderNumber: 0, reminderCount: 1 },
      { atMs: 20 * MIN, level: 1, nodeId: "l1", messageType: "reminder", reminderNumber: 2, reminderCount: 2 },
    ]);
  });

  it("predicts from the recorded timeline exactly what the engine then sends, at every point", () => {
    const whole = runEngine(120 * MIN);
    expect(whole.sent.length).toBeGreaterThan(5);
    for (const stopMs of [0, 9 * MIN, 10 * MIN, 15 * MIN, 44 * MIN, 59 * MIN]) {
      const sofar = runEngine(stopMs);
      const incident = incidentFromEvents(0, alert, "escalating", sofar.recorded);
      const predicted = upcomingSteps(plan, incident, 3).steps.map((s) => `${s.atMs / MIN}m ${label(s)}`);
      const actual = whole.sent
        .filter((s) => s.atMs > stopMs)
        .slice(0, 3)
        .map((s) => `${s.atMs / MIN}m ${s.label}`);
      expect(predicted, `after ${stopMs / MIN} min`).toEqual(actual);
    }
  });

  it("has nothing next once acknowledged, recovering or asked to stop", () => {
    const { recorded } = runEngine(0);
    const acked = [
      ...recorded,
      { atMs: MIN, event: { type: "acknowledged", detail: { by: "ann", note: "" } } } as const,
    ];
    expect(upcomingSteps(plan, incidentFromEvents(0, alert, "escalating", acked)).steps).toEqual([]);
    expect(upcomingSteps(plan, incidentFromEvents(0, alert, "acknowledged", recorded)).steps).toEqual([]);
    const ok = [...recorded, { atMs: MIN, event: { type: "alert.ok", detail: { summary: "up" } } } as const];
    expect(upcomingSteps(plan, incidentFromEvents(0, alert, "escalating", ok)).steps).toEqual([]);
  });

  it("lists a count level as waiting for errors rather than at a time", () => {
    const countPlan = compilePlan(singleLevelGraph(ID, { level: 1, mode: "count", errorCount: 3 }));
    const events: TimedRunEvent[] = [
      { atMs: 0, event: { type: "alert.error", detail: { count: 1, summary: "x" } } },
      { atMs: 5, event: { type: "alert.error", detail: { count: 2, summary: "x" } } },
    ];
    const upcoming = upcomingSteps(countPlan, incidentFromEvents(0, alert, "escalating", events));
    expect(upcoming.steps).toEqual([]);
    expect(upcoming.waiting).toEqual([{ level: 1, nodeId: "l1", errorsNeeded: 3, errorsSoFar: 2 }]);
  });
});
