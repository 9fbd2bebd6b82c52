import {
  FLOW_SCHEMA_VERSION,
  sourceHandleSchema,
  type FlowEdge,
  type FlowGraph,
  type FlowNode,
  type SourceHandle,
} from "~/core/flow/document";
import type { CanvasEdge, CanvasNode } from "./canvas-types";

/** A stored node as React Flow draws it; `data` is shared, not copied (it is never mutated). */
export function toCanvasNode(node: FlowNode): CanvasNode {
  const { id, position } = node;
  switch (node.type) {
    case "trigger":
      return { id, type: "trigger", position, data: node.data };
    case "level":
      return { id, type: "level", position, data: node.data };
    case "branch":
      return { id, type: "branch", position, data: node.data };
    case "integration":
      return { id, type: "integration", position, data: node.data };
  }
}

/** The stored form of a canvas node: React Flow's selection and measurements are dropped. */
export function toFlowNode(node: CanvasNode): FlowNode {
  const { id } = node;
  const position = { x: node.position.x, y: node.position.y };
  switch (node.type) {
    case "trigger":
      return { id, type: "trigger", position, data: node.data };
    case "level":
      return { id, type: "level", position, data: node.data };
    case "branch":
      return { id, type: "branch", position, data: node.data };
    case "integration":
      return { id, type: "integration", position, data: node.data };
  }
}

/** Class names that colour an edge by what travels along it (see flow-canvas.css). */
export const edgeClassName = (handle: SourceHandle): string => `edge-${handle}`;

export function toCanvasEdge(edge: FlowEdge): CanvasEdge {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourceHandle,
    targetHandle: edge.targetHandle,
    className: edgeClassName(edge.sourceHandle),
  };
}

/**
 * The stored form of a canvas edge, or null for one React Flow holds without a known source
 * handle (the connection rules never create those; this keeps a stray one out of the document).
 */
export function toFlowEdge(edge: CanvasEdge): FlowEdge | null {
  const handle = sourceHandleSchema.safeParse(edge.sourceHandle);
  if (!handle.success) return null;
  return { id: edge.id, source: edge.source, target: edge.target, sourceHandle: handle.data, targetHandle: "in" };
}

export function toCanvas(graph: FlowGraph): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  return { nodes: graph.nodes.map(toCanvasNode), edges: graph.edges.map(toCanvasEdge) };
}

export function toFlowGraph(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): FlowGraph {
  return {
    schemaVersion: FLOW_SCHEMA_VERSION,
    nodes: nodes.map(toFlowNode),
    edges: edges.flatMap((e) => toFlowEdge(e) ?? []),
  };
}
