import type { CanvasEdge, CanvasNode, XY } from "~/app/_components/flow-canvas/canvas-types";
import { toCanvasNode } from "~/app/_components/flow-canvas/graph-mapping";
import { nodeDefinitions } from "~/app/_components/flow-canvas/nodes/node-registry";
import type { FlowNode, NodeKind } from "~/core/flow/document";

/** Plain functions over the canvas arrays; the store composes them into undoable actions. */

export function newFlowNode(kind: NodeKind, id: string, position: XY, existing: readonly FlowNode[]): FlowNode {
  switch (kind) {
    case "trigger":
      return { id, type: kind, position, data: nodeDefinitions.trigger.createData(existing) };
    case "level":
      return { id, type: kind, position, data: nodeDefinitions.level.createData(existing) };
    case "branch":
      return { id, type: kind, position, data: nodeDefinitions.branch.createData(existing) };
    case "integration":
      return { id, type: kind, position, data: nodeDefinitions.integration.createData(existing) };
  }
}

/** `next`'s kind and data on `current`'s place, keeping React Flow's selection and measurements. */
export function withFlowNode(current: CanvasNode, next: FlowNode): CanvasNode {
  const fresh = toCanvasNode({ ...next, position: current.position });
  return { ...fresh, selected: current.selected, measured: current.measured };
}

export const selectOnly = (nodes: readonly CanvasNode[], ids: ReadonlySet<string>): CanvasNode[] =>
  nodes.map((n) => (Boolean(n.selected) === ids.has(n.id) ? n : { ...n, selected: ids.has(n.id) }));

export const deselectEdges = (edges: readonly CanvasEdge[]): CanvasEdge[] =>
  edges.map((e) => (e.selected ? { ...e, selected: false } : e));

/** Selected nodes and edges go, and so do edges left without one of their ends. */
export function removeSelected(
  nodes: readonly CanvasNode[],
  edges: readonly CanvasEdge[],
): { nodes: CanvasNode[]; edges: CanvasEdge[] } | null {
  const gone = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
  const keptEdges = edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target));
  if (gone.size === 0 && keptEdges.length === edges.length) return null;
  return { nodes: nodes.filter((n) => !gone.has(n.id)), edges: keptEdges };
}

export function movedTo(nodes: readonly CanvasNode[], positions: ReadonlyMap<string, XY>): CanvasNode[] {
  return nodes.map((n) => {
    const at = positions.get(n.id);
    return at ? { ...n, position: at } : n;
  });
}
