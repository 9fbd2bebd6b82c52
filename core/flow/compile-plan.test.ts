import { describe, expect, it } from "vitest";
import { compilePlan } from "./compile-plan";
import { branchNode, edge, graphOf, integrationNode, levelNode, triggerNode } from "../../test-support/graph-builder";
import { flowPlanSchema, type PlanLevel, type PlanTarget } from "./plan";

const SLACK = "6f1c2b7e-8d4a-4c1b-9e2f-0a1b2c3d4e51";
const EMAIL = "6f1c2b7e-8d4a-4c1b-9e2f-0a1b2c3d4e52";
const PAGER = "6f1c2b7e-8d4a-4c1b-9e2f-0a1b2c3d4e53";
const SMS = "6f1c2b7e-8d4a-4c1b-9e2f-0a1b2c3d4e54";

const ids = (targets: PlanTarget[]) => targets.map((t) => t.nodeId);
const levelAt = (levels: PlanLevel[], n: number) => {
  const found = levels.find((l) => l.level === n);
  if (!found) throw new Error(`no level ${n}`);
  return found;
};

describe("compilePlan", () => {
  it("orders levels by level number, not by position in the document", () => {
    const plan = compilePlan(
      graphOf(
        [
          levelNode("l3", { level: 3, afterSeconds: 3600 }),
          triggerNode("t"),
          levelNode("l1", { level: 1 }),
          levelNode("l2", { level: 2, afterSeconds: 900 }),
        ],
        [edge("t", "out", "l1"), edge("l1", "next", "l2"), edge("l2", "next", "l3")],
      ),
    );
    expect(plan.levels.map((l) => l.nodeId)).toEqual(["l1", "l2", "l3"]);
  });

  it("sends every type over a direct link, subject to the link's reminder and ok switches", () => {
    const plan = compilePlan(
      graphOf(
        [
          triggerNode("t"),
          levelNode("l1", { level: 1 }),
          integrationNode("all", { integrationId: SLACK }),
          integrationNode("noOk", { integrationId: SMS, sendOk: false }),
          integrationNode("noReminders", { integrationId: PAGER, sendReminders: false }),
        ],
        [edge("t", "out", "l1"), edge("l1", "out", "all"), edge("l1", "out", "noOk"), edge("l1", "out", "noReminders")],
      ),
    );
    const l1 = levelAt(plan.levels, 1);
    expect(ids(l1.error)).toEqual(["all", "noOk", "noReminders"]);
    expect(ids(l1.reminder)).toEqual(["all", "noOk"]);
    expect(ids(l1.ok)).toEqual(["all", "noReminders"]);
  });

  it("routes through a branch only the type of the handle, and the link switches still apply", () => {
    const plan = compilePlan(
      graphOf(
        [
          triggerNode("t"),
          levelNode("l1", { level: 1 }),
          branchNode("b"),
          integrationNode("create", { integrationId: PAGER }),
          integrationNode("nag", { integrationId: EMAIL }),
          integrationNode("resolve", { integrationId: PAGER, sendOk: false }),
        ],
        [
          edge("t", "out", "l1"),
          edge("l1", "out", "b"),
          edge("b", "error", "create"),
          edge("b", "reminder", "nag"),
          edge("b", "ok", "resolve"),
        ],
      ),
    );
    const l1 = levelAt(plan.levels, 1);
    expect(ids(l1.error)).toEqual(["create"]);
    expect(ids(l1.reminder)).toEqual(["nag"]);
    expect(ids(l1.ok)).toEqual([]);
  });

  it("lists an integration once per type even when it is reached directly and via a branch", () => {
    const plan = compilePlan(
      graphOf(
        [
          triggerNode("t"),
          levelNode("l1", { level: 1 }),
          branchNode("b"),
          integrationNode("i", { integrationId: SLACK }),
        ],
        [edge("t", "out", "l1"), edge("l1", "out", "i"), edge("l1", "out", "b"), edge("b", "error", "i")],
      ),
    );
    expect(ids(levelAt(plan.levels, 1).error)).toEqual(["i"]);
  });

  it("turns failure edges into a fallback chain with each node's own integration and variables", () => {
    const plan = compilePlan(
      graphOf(
        [
          triggerNode("t"),
          levelNode("l1", { level: 1 }),
          integrationNode("pager", { integrationId: PAGER, variables: { routingKey: "abc" } }),
          integrationNode("sms", { integrationId: SMS }),
          integrationNode("email", { integrationId: EMAIL, variables: { to: "ops@example.com" } }),
        ],
        [
          edge("t", "out", "l1"),
          edge("l1", "out", "pager"),
          edge("pager", "failure", "sms"),
          edge("sms", "failure", "email"),
        ],
      ),
    );
    const [pager] = levelAt(plan.levels, 1).error;
    expect(pager?.variables).toEqual({ routingKey: "abc" });
    expect(pager?.fallback?.integrationId).toBe(SMS);
    expect(pager?.fallback?.fallback?.integrationId).toBe(EMAIL);
    expect(pager?.fallback?.fallback?.variables).toEqual({ to: "ops@example.com" });
    expect(pager?.fallback?.fallback?.fallback).toBeNull();
  });

  it("keeps a level without links in the plan with empty target lists", () => {
    const plan = compilePlan(graphOf([triggerNode("t"), levelNode("l1", { level: 1 })], [edge("t", "out", "l1")]));
    const l1 = levelAt(plan.levels, 1);
    expect([l1.error, l1.reminder, l1.ok]).toEqual([[], [], []]);
  });

  it("copies the trigger and level settings the workflow needs", () => {
    const filters = [{ field: "labels.severity", op: "equals" as const, value: "critical" }];
    const graph = graphOf(
      [
        triggerNode("t", { format: "alertmanager", filters, alertKey: "{{labels.service}}" }),
        levelNode("l1", {
          level: 1,
          mode: "count",
          errorCount: 3,
          reminderCount: 2,
          reminderEverySeconds: 60,
          message: "wake up",
        }),
      ],
      [edge("t", "out", "l1")],
    );
    const plan = compilePlan(graph);
    expect(plan.trigger).toEqual({ nodeId: "t", format: "alertmanager", filters, alertKey: "{{labels.service}}" });
    expect(levelAt(plan.levels, 1)).toMatchObject({
      mode: "count",
      errorCount: 3,
      reminderCount: 2,
      reminderEverySeconds: 60,
      message: "wake up",
    });
    // The plan is workflow input: it must survive JSON, match its stored schema and not alias the document.
    expect(flowPlanSchema.parse(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
    expect(plan.trigger.filters[0]).not.toBe(filters[0]);
  });

  it("refuses an integration node with no integration chosen", () => {
    const graph = graphOf(
      [triggerNode("t"), levelNode("l1", { level: 1 }), integrationNode("i", { label: "On-call" })],
      [edge("t", "out", "l1"), edge("l1", "out", "i")],
    );
    expect(() => compilePlan(graph)).toThrow(expect.objectContaining({ code: "PLAN_INTEGRATION_NOT_CHOSEN" }));
  });

  it("reads back only the plan version it knows", () => {
    const plan = compilePlan(graphOf([triggerNode("t"), levelNode("l1", { level: 1 })], [edge("t", "out", "l1")]));
    expect(flowPlanSchema.safeParse({ ...plan, planVersion: 2 }).success).toBe(false);
  });

  it("refuses a graph without a trigger", () => {
    expect(() => compilePlan(graphOf([levelNode("l1", { level: 1 })], []))).toThrow(
      expect.objectContaining({ code: "PLAN_NO_TRIGGER" }),
    );
  });
});
