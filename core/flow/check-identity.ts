import type { FlowGraph } from "./document";
import type { GraphIssue } from "./graph-issue";
import { describeNode } from "./node-names";

/** Ids are how edges, runs and versions refer to nodes, so they must be unique and resolvable. */
export function checkIdentity(graph: FlowGraph): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const nodeIds = new Set<string>();
  for (const node of graph.nodes) {
    if (nodeIds.has(node.id)) {
      issues.push({
        code: "duplicate_node_id",
        message: `${describeNode(node)} reuses the id "${node.id}" of another node; every node needs its own id.`,
        params: { id: node.id },
        nodeId: node.id,
      });
    }
    nodeIds.add(node.id);
  }
  const edgeIds = new Set<string>();
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id)) {
      issues.push({
        code: "duplicate_edge_id",
        message: `Two connections share the id "${edge.id}".`,
        params: { id: edge.id },
        edgeId: edge.id,
      });
    }
    edgeIds.add(edge.id);
    const missing = [edge.source, edge.target].filter((id) => !nodeIds.has(id));
    if (missing.length > 0) {
      issues.push({
        code: "missing_node",
        message: `Connection ${edge.id} points to ${missing.map((id) => `"${id}"`).join(" and ")}, which is not on the canvas.`,
        params: { variant: "stored", edge: edge.id, ids: missing.join(", ") },
        edgeId: edge.id,
      });
    }
  }
  return issues;
}
