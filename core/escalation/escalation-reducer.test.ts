import { describe, expect, it } from "vitest";
import { minimalAlert, type NormalizedAlert } from "../alerts/alert";
import { compilePlan } from "../flow/compile-plan";
import { singleLevelGraph } from "../../test-support/graph-builder";
import { workedTimelineGraph } from "../../test-support/sample-graphs";
import { reduceIncident, type EscalationCommand, type IncidentEvent } from "./escalation-reducer";
import { newEscalationState } from "./escalation-state";
import { incidentFrom, isEnding, wakeDelayMs, type Incident } from "./incident";

const ID = "5a0c3d1e-2b4f-4a6c-8d9e-0f1a2b3c4d50";
const SEC = 1000;
const plan = compilePlan(workedTimelineGraph({ l1: { a: ID }, l2: { b: ID }, l3: { c: ID } }, 1));

const alert = (status: "error" | "ok", summary = "down"): NormalizedAlert =>
  minimalAlert({ key: "k", status, summary, occurredAt: "2026-01-01T00:00:00.000Z" });
const error = (atMs: number): IncidentEvent => ({
  type: "alert",
  alert: alert("error"),
  receivedAt: new Date(atMs).toISOString(),
  atMs,
});

/** Drives one incident with a fake clock: each event carries its own time. */
function drive(events: IncidentEvent[], start: Incident = incidentFrom(newEscalationState(0, alert("error")))) {
  let incident = start;
  const commands: EscalationCommand[] = [];
  for (const event of events) {
    const reduced = reduceIncident(plan, incident, event);
    incident = reduced.incident;
    commands.push(...reduced.commands);
  }
  return { incident, commands };
}
const sends = (commands: EscalationCommand[]) =>
  commands.flatMap((c) => (c.kind === "send" ? [`L${c.level.level} ${c.messageType}#${c.reminderNumber}`] : []));
const records = (commands: EscalationCommand[]) => commands.flatMap((c) => (c.kind === "record" ? [c.event] : []));

describe("reduceIncident", () => {
  it("fires a duration level at exactly its threshold, measured from the first error", () => {
    const early = drive([error(0), { type: "tick", atMs: 0 }, { type: "tick", atMs: 15 * SEC - 1 }]);
    expect(sends(early.commands)).toEqual(["L1 error#0", "L1 reminder#1"]);
    expect(wakeDelayMs(plan, early.incident, 15 * SEC - 1)).toBe(1);
    const due = drive([{ type: "tick", atMs: 15 * SEC }], early.incident);
    expect(sends(due.commands)).toEqual(["L2 error#0"]);
    expect(due.incident.state.currentLevel).toBe(2);
    expect(records(due.commands)[0]).toMatchObject({ type: "level.fired", level: 2, nodeId: "l2" });
  });

  it("fires a count level on the Nth error event and counts every error it records", () => {
    const countPlan = compilePlan(singleLevelGraph(ID, { level: 1, mode: "count", errorCount: 3 }));
    let incident = incidentFrom(newEscalationState(0, alert("error")));
    const fired: string[] = [];
    for (const atMs of [0, 5 * SEC, 9 * SEC]) {
      for (const event of [error(atMs), { type: "tick" as const, atMs }]) {
        const reduced = reduceIncident(countPlan, incident, event);
        incident = reduced.incident;
        if (sends(reduced.commands).length > 0) fired.push(`${atMs / SEC}s`);
      }
    }
    expect(fired).toEqual(["9s"]);
    expect(incident.state.errorCount).toBe(3);
    // A count level waits for events, not for time.
    expect(wakeDelayMs(countPlan, incident, 9 * SEC)).toBeNull();
  });

  it("sends every overdue reminder once when the clock jumps, and none twice", () => {
    const { commands, incident } = drive([
      error(0),
      { type: "tick", atMs: 0 },
      { type: "tick", atMs: 25 * SEC },
      { type: "tick", atMs: 26 * SEC },
    ]);
    expect(sends(commands)).toEqual(["L1 error#0", "L2 error#0", "L1 reminder#1", "L1 reminder#2"]);
    expect(incident.state.fired.l1?.remindersSent).toBe(2);
  });

  it("after an acknowledgement fires nothing new, sleeps until an event, and records it once", () => {
    const { commands, incident } = drive([
      error(0),
      { type: "tick", atMs: 0 },
      { type: "acknowledge", by: "ann", atMs: SEC },
      { type: "acknowledge", by: "bob", atMs: 2 * SEC },
      { type: "tick", atMs: 100 * SEC },
    ]);
    expect(sends(commands)).toEqual(["L1 error#0"]);
    expect(records(commands).filter((e) => e.type === "acknowledged")).toEqual([
      { type: "acknowledged", at: new Date(SEC).toISOString(), detail: { by: "ann", note: "" } },
    ]);
    expect(wakeDelayMs(plan, incident, 100 * SEC)).toBeNull();
    // The Ok still goes out on the level that fired.
    const ended = drive([{ type: "alert", alert: alert("ok"), receivedAt: "", atMs: 120 * SEC }], incident);
    expect(isEnding(ended.incident)).toBe(true);
    expect(sends(drive([{ type: "finish", atMs: 120 * SEC }], ended.incident).commands)).toEqual(["L1 ok#0"]);
  });

  it("fires, reminds and resolves levels whose node ids are Object.prototype's names, also after a JSON round trip", () => {
    // A level named `constructor` once read as already fired (a plain {}'s inherited function) and never paged.
    const rename: Record<string, string> = { l1: "constructor", l2: "__proto__", l3: "toString" };
    const id = (nodeId: string) => (Object.hasOwn(rename, nodeId) ? (rename[nodeId] ?? nodeId) : nodeId);
    const graph = workedTimelineGraph({ l1: { a: ID }, l2: { b: ID }, l3: { c: ID } }, 1);
    const hostilePlan = compilePlan({
      ...graph,
      nodes: graph.nodes.map((n) => ({ ...n, id: id(n.id) })),
      edges: graph.edges.map((e) => ({ ...e, source: id(e.source), target: id(e.target) })),
    });
    const step = (incident: Incident, event: IncidentEvent) => reduceIncident(hostilePlan, incident, event);
    let incident = incidentFrom(newEscalationState(0, alert("error")));
    const sent: string[] = [];
    for (const event of [error(0), { type: "tick" as const, atMs: 0 }, { type: "tick" as const, atMs: 26 * SEC }]) {
      const reduced = step(incident, event);
      sent.push(...sends(reduced.commands));
      // Continue-as-new carries the state as JSON: fired levels must survive it as own keys.
      incident = JSON.parse(JSON.stringify(reduced.incident)) as Incident;
    }
    expect(sent).toEqual(["L1 error#0", "L2 error#0", "L1 reminder#1", "L1 reminder#2"]);
    expect(Object.keys(incident.state.fired).sort()).toEqual(["__proto__", "constructor"]);
    expect(wakeDelayMs(hostilePlan, incident, 26 * SEC)).toBe(30 * SEC); // level 2's reminder
    const finished = step(incident, { type: "finish", atMs: 30 * SEC });
    expect(sends(finished.commands)).toEqual(["L1 ok#0", "L2 ok#0"]);
  });

  it("keeps alerts after the Ok for the next incident and resolves at the Ok's time", () => {
    const { incident } = drive([error(0), { type: "tick", atMs: 0 }]);
    const recovered = drive([{ type: "alert", alert: alert("ok", "up"), receivedAt: "", atMs: 7 * SEC }], incident);
    expect(reduceIncident(plan, recovered.incident, error(8 * SEC))).toEqual({
      incident: recovered.incident,
      commands: [],
    });
    const finished = drive([{ type: "finish", atMs: 9 * SEC }], recovered.incident);
    expect(finished.incident).toMatchObject({ phase: "resolved", resolvedAtMs: 7 * SEC });
    expect(records(finished.commands)).toEqual([
      { type: "resolved", at: new Date(7 * SEC).toISOString(), detail: { by: "alert" } },
    ]);
  });

  it("lets the first operator request decide: a cancel sends no Ok, a resolve sends it at its own time", () => {
    const { incident } = drive([error(0), { type: "tick", atMs: 0 }]);
    const cancelled = drive(
      [
        { type: "cancel", by: "ann", note: "noise", atMs: SEC },
        { type: "resolve", by: "bob", atMs: 2 * SEC },
        { type: "finish", atMs: 3 * SEC },
      ],
      incident,
    );
    expect(sends(cancelled.commands)).toEqual([]);
    expect(records(cancelled.commands).map((e) => e.type)).toEqual([
      "cancel.requested",
      "resolve.requested",
      "cancelled",
    ]);
    expect(cancelled.incident.phase).toBe("cancelled");

    const resolved = drive(
      [
        { type: "resolve", by: "bob", atMs: 2 * SEC },
        { type: "finish", atMs: 3 * SEC },
      ],
      incident,
    );
    expect(resolved.commands).toContainEqual(expect.objectContaining({ kind: "send", resolvedAtMs: 3 * SEC }));
    expect(records(resolved.commands).at(-1)).toMatchObject({ type: "resolved", detail: { by: "operator" } });
  });
});
