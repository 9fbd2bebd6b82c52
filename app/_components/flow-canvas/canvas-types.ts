import type { Edge, Node } from "@xyflow/react";
import type { NodeKind, NodeOfKind } from "~/server/flow/document";

/**
 * React Flow's view of the flow document: a canvas node is a stored `FlowNode` with React Flow's
 * bookkeeping (selection, measurements) around it, and its `data` is the stored data unchanged,
 * so mapping back and forth never loses a setting.
 */
export type NodeData<K extends NodeKind> = NodeOfKind<K>["data"];

export type CanvasNodeOfKind<K extends NodeKind> = Node<NodeData<K>, K>;

export type CanvasNode =
  | CanvasNodeOfKind<"trigger">
  | CanvasNodeOfKind<"level">
  | CanvasNodeOfKind<"branch">
  | CanvasNodeOfKind<"integration">;

export type CanvasEdge = Edge;

/** An integration the integration node can pick (the shape of `integrations.list`). */
export interface IntegrationOption {
  id: string;
  type: string;
  name: string;
  enabled: boolean;
  perLevelVariables: { name: string; label: string }[];
}

/** Marks a node carries in read-only views: a run's path, or a side of a version diff. */
export type NodeHighlight = "fired" | "failed" | "added" | "removed" | "changed";

export interface XY {
  x: number;
  y: number;
}
