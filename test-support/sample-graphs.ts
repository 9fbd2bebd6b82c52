import { MAX_NODES, type FlowEdge, type FlowGraph, type FlowNode } from "~/core/flow/document";
import { FlowError } from "~/core/flow/flow-error";
import { branchNode, edge, graphOf, integrationNode, levelNode, triggerNode } from "./graph-builder";

const COLUMN = 280;
const ROW = 140;
const at = (column: number, row: number) => ({ x: column * COLUMN, y: row * ROW });

/**
 * The worked example of alerting-domain.md §2.3: L1 on the first error with two reminders ten
 * minutes apart, L2 after 15 minutes (PagerDuty-style: Error and Ok only, via a branch), L3 after
 * an hour to a phone-style channel that takes neither reminders nor Ok.
 */
export function threeLevelSampleGraph(integrationIds: { l1: string; l2: string; l3: string }): FlowGraph {
  return graphOf(
    [
      triggerNode("trigger", { label: "Alert received" }, at(0, 1)),
      levelNode(
        "level-1",
        {
          label: "First responders",
          level: 1,
          mode: "count",
          errorCount: 1,
          reminderCount: 2,
          reminderEverySeconds: 600,
        },
        at(1, 0),
      ),
      levelNode(
        "level-2",
        {
          label: "On-call",
          level: 2,
          mode: "duration",
          afterSeconds: 900,
          reminderCount: 1,
          reminderEverySeconds: 1800,
        },
        at(1, 1),
      ),
      levelNode("level-3", { label: "Escalate by phone", level: 3, mode: "duration", afterSeconds: 3600 }, at(1, 2)),
      integrationNode("notify-team", { label: "Team channel", integrationId: integrationIds.l1 }, at(2, 0)),
      branchNode("on-call-types", { label: "Page, then resolve" }, at(2, 1)),
      integrationNode("page-on-call", { label: "Page on-call", integrationId: integrationIds.l2 }, at(3, 1)),
      integrationNode(
        "phone-lead",
        { label: "Call the lead", integrationId: integrationIds.l3, sendOk: false, sendReminders: false },
        at(2, 2),
      ),
    ],
    [
      edge("trigger", "out", "level-1"),
      edge("level-1", "next", "level-2"),
      edge("level-2", "next", "level-3"),
      edge("level-1", "out", "notify-team"),
      edge("level-2", "out", "on-call-types"),
      edge("on-call-types", "error", "page-on-call"),
      edge("on-call-types", "ok", "page-on-call"),
      edge("level-3", "out", "phone-lead"),
    ],
  );
}

/**
 * The same worked example for engine and preview tests: each level's integration nodes by node id
 * (integration id as value), with `minute` seconds to the minute so real-server tests can run it
 * scaled down. L3's links send no Ok, as a phone call would not.
 */
export function workedTimelineGraph(
  links: { l1: Record<string, string>; l2: Record<string, string>; l3: Record<string, string> },
  minute = 60,
): FlowGraph {
  const targets = (level: "l1" | "l2" | "l3") =>
    Object.entries(links[level]).map(([nodeId, integrationId]) =>
      integrationNode(nodeId, { integrationId, ...(level === "l3" ? { sendOk: false } : {}) }),
    );
  // Rounded to the millisecond: 15 * 0.2 is not 3 in floating point.
  const minutes = (n: number) => Math.round(n * minute * 1000) / 1000;
  const outs = (level: "l1" | "l2" | "l3") => Object.keys(links[level]).map((nodeId) => edge(level, "out", nodeId));
  return graphOf(
    [
      triggerNode("t"),
      levelNode("l1", { level: 1, mode: "count", errorCount: 1, reminderCount: 2, reminderEverySeconds: minutes(10) }),
      levelNode("l2", {
        level: 2,
        mode: "duration",
        afterSeconds: minutes(15),
        reminderCount: 1,
        reminderEverySeconds: minutes(30),
      }),
      levelNode("l3", { level: 3, mode: "duration", afterSeconds: minutes(60) }),
      ...targets("l1"),
      ...targets("l2"),
      ...targets("l3"),
    ],
    [
      edge("t", "out", "l1"),
      edge("l1", "next", "l2"),
      edge("l2", "next", "l3"),
      ...outs("l1"),
      ...outs("l2"),
      ...outs("l3"),
    ],
  );
}

const MAX_LEVELS = 20;
const BRANCH_GROUP_SIZE = 4;

/**
 * A valid graph of exactly `nodeCount` nodes for benchmarks: one trigger, a chain of up to 20
 * levels, and the rest spread over the levels as direct integrations (each falling back to the
 * one before it) and branches fanning out to three integrations.
 */
export function generateLargeGraph(nodeCount: number, integrationId: string): FlowGraph {
  if (!Number.isInteger(nodeCount) || nodeCount < 3 || nodeCount > MAX_NODES) {
    throw new FlowError(
      "SAMPLE_SIZE_OUT_OF_RANGE",
      `A generated graph needs between 3 and ${MAX_NODES} nodes, not ${nodeCount}.`,
    );
  }
  // Every level needs at least one integration of its own.
  const levelCount = Math.max(1, Math.min(MAX_LEVELS, Math.floor(nodeCount / 25), Math.floor((nodeCount - 1) / 2)));
  const nodes: FlowNode[] = [triggerNode("trigger", {}, at(0, 0))];
  const edges: FlowEdge[] = [];
  for (let n = 1; n <= levelCount; n++) {
    nodes.push(
      levelNode(`level-${n}`, { level: n, afterSeconds: (n - 1) * 300, reminderCount: 1 }, at(1, (n - 1) * 4)),
    );
    edges.push(n === 1 ? edge("trigger", "out", "level-1") : edge(`level-${n - 1}`, "next", `level-${n}`));
  }

  let remaining = nodeCount - nodes.length;
  const lastDirect = new Map<number, string>();
  const rows = new Map<number, number>();
  for (let slot = 0; remaining > 0; slot++) {
    const level = (slot % levelCount) + 1;
    const levelId = `level-${level}`;
    const row = rows.get(level) ?? 0;
    rows.set(level, row + 1);
    const place = (column: number) => at(2 + column, (level - 1) * 4 + row);
    const useBranch = remaining >= BRANCH_GROUP_SIZE && slot % 2 === 1;
    if (useBranch) {
      const branchId = `branch-${slot}`;
      nodes.push(branchNode(branchId, {}, place(0)));
      edges.push(edge(levelId, "out", branchId));
      for (const [i, handle] of (["error", "reminder", "ok"] as const).entries()) {
        const id = `integration-${slot}-${handle}`;
        nodes.push(integrationNode(id, { integrationId, label: `${handle} ${slot}` }, place(1 + i)));
        edges.push(edge(branchId, handle, id));
      }
      remaining -= BRANCH_GROUP_SIZE;
    } else {
      const id = `integration-${slot}`;
      nodes.push(integrationNode(id, { integrationId, label: `Direct ${slot}` }, place(0)));
      edges.push(edge(levelId, "out", id));
      const previous = lastDirect.get(level);
      if (previous) edges.push(edge(previous, "failure", id));
      lastDirect.set(level, id);
      remaining -= 1;
    }
  }
  return graphOf(nodes, edges);
}
