import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** Handle ids in the order they are drawn, so ELK keeps Error above Reminder above Ok. */
  inputs: readonly string[];
  outputs: readonly { id: string; side: "right" | "bottom" }[];
}

export interface LayoutEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  targetHandle: string;
}

const GRAPH_OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.layered.spacing.nodeNodeBetweenLayers": "72",
  "elk.spacing.nodeNode": "28",
  "elk.spacing.componentComponent": "48",
  "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
  // Keeps the drawing order when nothing forces a change, so a second layout is a no-op.
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
};

const portId = (nodeId: string, handle: string) => `${nodeId}\u0000${handle}`;

/**
 * Positions for a left-to-right layered drawing (elkjs). ELK is loaded on first use: it is large
 * and most visits never lay out, so it stays out of the editor's first load.
 */
export async function layoutGraph(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
): Promise<Map<string, { x: number; y: number }>> {
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const known = new Set(nodes.map((n) => n.id));
  const root: ElkNode = {
    id: "root",
    layoutOptions: GRAPH_OPTIONS,
    children: nodes.map((node) => ({
      id: node.id,
      width: node.width,
      height: node.height,
      layoutOptions: { "elk.portConstraints": "FIXED_ORDER" },
      ports: [
        ...node.inputs.map((h, i) => ({
          id: portId(node.id, h),
          layoutOptions: { "elk.port.side": "WEST", "elk.port.index": String(i) },
        })),
        // ELK numbers ports clockwise (east: top to bottom), so the index follows drawing order.
        ...node.outputs.map((h, i) => ({
          id: portId(node.id, h.id),
          layoutOptions: { "elk.port.side": h.side === "bottom" ? "SOUTH" : "EAST", "elk.port.index": String(i) },
        })),
      ],
    })),
    edges: edges
      .filter((e) => known.has(e.source) && known.has(e.target))
      .map((e): ElkExtendedEdge => ({
        id: e.id,
        sources: [portId(e.source, e.sourceHandle)],
        targets: [portId(e.target, e.targetHandle)],
      })),
  };
  const laidOut = await new ELK().layout(root);
  const positions = new Map<string, { x: number; y: number }>();
  for (const child of laidOut.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return positions;
}
