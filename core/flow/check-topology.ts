import type { FlowGraph, FlowNode } from "./document";
import { inEdges, isNodeOfKind, outEdges, reachableFrom, type FlowIndex } from "./graph-index";
import type { GraphIssue } from "./graph-issue";
import { describeNode } from "./node-names";

/** The shape of the whole graph: one trigger, no loops, everything reached, every path delivers. */
export function checkTopology(graph: FlowGraph, index: FlowIndex): GraphIssue[] {
  return [
    ...checkTriggers(graph, index),
    ...checkCycles(graph, index),
    ...checkReachability(graph, index),
    ...checkDeadEnds(graph, index),
  ];
}

function checkTriggers(graph: FlowGraph, index: FlowIndex): GraphIssue[] {
  const triggers = graph.nodes.filter(isNodeOfKind("trigger"));
  const [first, ...extra] = triggers;
  if (!first)
    return [
      {
        code: "no_trigger",
        message: "The flow needs a trigger: add one and connect it to the first escalation level.",
      },
    ];
  const issues: GraphIssue[] = extra.map((t) => ({
    code: "multiple_triggers",
    message: `${describeNode(t)} is a second trigger; a flow has exactly one. Make another flow for other alerts.`,
    nodeId: t.id,
  }));
  for (const trigger of triggers) {
    if (outEdges(index, trigger.id).length === 0) {
      issues.push({
        code: "trigger_not_connected",
        message: `${describeNode(trigger)} is not connected to an escalation level.`,
        nodeId: trigger.id,
      });
    }
  }
  return issues;
}

/** Reports one issue per edge that closes a loop, naming the nodes around it. */
function checkCycles(graph: FlowGraph, index: FlowIndex): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const state = new Map<string, "open" | "done">();
  const path: FlowNode[] = [];
  const visit = (node: FlowNode): void => {
    state.set(node.id, "open");
    path.push(node);
    for (const edge of outEdges(index, node.id)) {
      const next = index.nodes.get(edge.target);
      // Self loops are reported by the connection rules already.
      if (!next || edge.source === edge.target) continue;
      const seen = state.get(next.id);
      if (seen === "open") {
        const around = [...path.slice(path.indexOf(next)), next];
        issues.push({
          code: "cycle",
          message: `These nodes form a loop: ${around.map(describeNode).join(" → ")}.`,
          params: { variant: "stored", nodes: around.map((n) => n.id).join(",") },
          edgeId: edge.id,
          nodeId: next.id,
        });
      } else if (seen === undefined) {
        visit(next);
      }
    }
    path.pop();
    state.set(node.id, "done");
  };
  for (const node of index.nodes.values()) if (!state.has(node.id)) visit(node);
  return issues;
}

function checkReachability(graph: FlowGraph, index: FlowIndex): GraphIssue[] {
  const [trigger] = graph.nodes.filter(isNodeOfKind("trigger"));
  // Without a trigger nothing is reachable; the missing trigger is the one error worth showing.
  if (!trigger) return [];
  const reached = reachableFrom(index, trigger.id);
  const issues: GraphIssue[] = [];
  for (const node of index.nodes.values()) {
    if (reached.has(node.id) || node.type === "trigger") continue;
    if (node.type === "level") {
      issues.push({
        code: "level_without_trigger",
        message: `${describeNode(node)} has no trigger upstream: connect it from the trigger or from the level below it.`,
        nodeId: node.id,
      });
    } else if (node.type === "branch" && inEdges(index, node.id).length === 0) {
      issues.push({
        code: "branch_without_level",
        message: `${describeNode(node)} must be connected from an escalation level.`,
        nodeId: node.id,
      });
    } else {
      issues.push({
        code: "unreachable_node",
        message: `${describeNode(node)} is not reached from the trigger, so it never runs.`,
        nodeId: node.id,
      });
    }
  }
  return issues;
}

/** Every level and branch must hand its messages to at least one integration. */
function checkDeadEnds(graph: FlowGraph, index: FlowIndex): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const deliversToIntegration = (branchId: string) =>
    outEdges(index, branchId).some(
      (e) => e.sourceHandle !== "failure" && index.nodes.get(e.target)?.type === "integration",
    );
  for (const node of index.nodes.values()) {
    if (node.type === "branch" && !deliversToIntegration(node.id)) {
      issues.push({
        code: "branch_without_integration",
        message: `${describeNode(node)} does not lead to any integration: connect its Error, Reminder or Ok handle.`,
        nodeId: node.id,
      });
    }
    if (node.type === "level") {
      const delivers = outEdges(index, node.id).some((e) => {
        if (e.sourceHandle !== "out") return false;
        const target = index.nodes.get(e.target);
        return target?.type === "integration" || (target?.type === "branch" && deliversToIntegration(target.id));
      });
      if (!delivers) {
        issues.push({
          code: "level_without_integration",
          message: `${describeNode(node)} does not send to any integration: connect its output to an integration or a branch.`,
          nodeId: node.id,
        });
      }
    }
  }
  return issues;
}
