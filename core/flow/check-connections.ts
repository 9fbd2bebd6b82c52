import type { FlowGraph } from "./document";
import { checkEdgeKinds, singleOutputLimit } from "./edge-kinds";
import type { FlowIndex } from "./graph-index";
import type { GraphIssue } from "./graph-issue";
import { describeNode } from "./node-names";

/**
 * Every stored edge must be one `isValidConnection` would have allowed: right handle, right kind
 * of target, not doubled, and no second edge on outputs and inputs that take one.
 */
export function checkConnections(graph: FlowGraph, index: FlowIndex): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const seenRoutes = new Set<string>();
  const usedSingleOutputs = new Set<string>();
  const levelInputs = new Set<string>();
  const lowestLevel = Math.min(...graph.nodes.flatMap((n) => (n.type === "level" ? [n.data.level] : [])));

  for (const edge of graph.edges) {
    const source = index.nodes.get(edge.source);
    const target = index.nodes.get(edge.target);
    if (!source || !target) continue;

    const problem = checkEdgeKinds(source, edge.sourceHandle, target, edge.targetHandle);
    if (problem) {
      issues.push({
        code: problem.code,
        message: problem.reason,
        params: problem.params,
        edgeId: edge.id,
        nodeId: source.id,
      });
      continue;
    }
    const route = `${edge.source}\u0000${edge.sourceHandle}\u0000${edge.target}`;
    if (seenRoutes.has(route)) {
      issues.push({
        code: "duplicate_edge",
        message: `${describeNode(source)} is connected to ${describeNode(target)} twice.`,
        params: { variant: "stored", otherNode: target.id },
        edgeId: edge.id,
        nodeId: source.id,
      });
      continue;
    }
    seenRoutes.add(route);

    const limit = singleOutputLimit(source, edge.sourceHandle);
    const output = `${edge.source}\u0000${edge.sourceHandle}`;
    if (limit && usedSingleOutputs.has(output)) {
      issues.push({
        code: "too_many_connections",
        message: `${describeNode(source)}: ${limit.reason}`,
        params: limit.params,
        edgeId: edge.id,
        nodeId: source.id,
      });
    }
    usedSingleOutputs.add(output);

    if (target.type === "level") {
      if (levelInputs.has(target.id)) {
        issues.push({
          code: "too_many_connections",
          message: `${describeNode(target)} has more than one input; levels form a single chain from the trigger.`,
          params: { limit: "levelInput", level: target.data.level },
          edgeId: edge.id,
          nodeId: target.id,
        });
      }
      levelInputs.add(target.id);
      if (source.type === "trigger" && target.data.level > lowestLevel) {
        issues.push({
          code: "trigger_not_to_first_level",
          message: `The trigger must connect to the lowest level (level ${lowestLevel}), not to ${describeNode(target)}.`,
          params: { lowest: lowestLevel },
          edgeId: edge.id,
          nodeId: target.id,
        });
      }
    }
  }
  return issues;
}
