import equal from "fast-deep-equal";
import type { FlowEdge, FlowGraph, FlowNode } from "~/core/flow/document";

export interface NodeChange {
  before: FlowNode;
  after: FlowNode;
  /** Settings that differ (`type` when the kind changed); empty when the node only moved. */
  fields: string[];
  moved: boolean;
}

export interface GraphDiff {
  addedNodes: FlowNode[];
  removedNodes: FlowNode[];
  changedNodes: NodeChange[];
  addedEdges: FlowEdge[];
  removedEdges: FlowEdge[];
}

/** Edges are compared by what they connect, not by id: re-drawing a link is not a change. */
const route = (e: FlowEdge) => `${e.source}\u0000${e.sourceHandle}\u0000${e.target}`;

function changedFields(before: FlowNode, after: FlowNode): string[] {
  if (before.type !== after.type) return ["type"];
  const a: Record<string, unknown> = before.data;
  const b: Record<string, unknown> = after.data;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  // Structural: a stored version comes back from jsonb with its object keys reordered.
  return keys.filter((k) => !equal(a[k], b[k]));
}

/** What changed from `from` to `to`, node by node (by stable id) and link by link. */
export function diffGraphs(from: FlowGraph, to: FlowGraph): GraphDiff {
  const before = new Map(from.nodes.map((n) => [n.id, n]));
  const after = new Map(to.nodes.map((n) => [n.id, n]));
  const changedNodes: NodeChange[] = [];
  for (const node of to.nodes) {
    const old = before.get(node.id);
    if (!old) continue;
    const fields = changedFields(old, node);
    const moved = old.position.x !== node.position.x || old.position.y !== node.position.y;
    if (fields.length > 0 || moved) changedNodes.push({ before: old, after: node, fields, moved });
  }
  const fromRoutes = new Set(from.edges.map(route));
  const toRoutes = new Set(to.edges.map(route));
  return {
    addedNodes: to.nodes.filter((n) => !before.has(n.id)),
    removedNodes: from.nodes.filter((n) => !after.has(n.id)),
    changedNodes,
    addedEdges: to.edges.filter((e) => !fromRoutes.has(route(e))),
    removedEdges: from.edges.filter((e) => !toRoutes.has(route(e))),
  };
}

export const isEmptyDiff = (d: GraphDiff): boolean =>
  d.addedNodes.length + d.removedNodes.length + d.changedNodes.length + d.addedEdges.length + d.removedEdges.length ===
  0;
