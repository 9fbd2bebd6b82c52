import type { Edge, Node } from "@xyflow/react";
import type { NodeKind, NodeOfKind } from "~/core/flow/document";

/**
 * React Flow's view of the flow document: a canvas node is a stored `FlowNode` with React Flow's
 * bookkeeping (selection, measurements) around it, and its `data` is the stored data unchanged,
 * so mapping back and forth never loses a setting.
 */
export type NodeData<K extends NodeKind> = NodeOfKind<K>["data"];

/** Spelled out per kind (not `Node<NodeData<K>, K>`) so generic code over K stays a valid Node. */
interface CanvasNodesByKind {
  trigger: Node<NodeData<"trigger">, "trigger">;
  level: Node<NodeData<"level">, "level">;
  branch: Node<NodeData<"branch">, "branch">;
  integration: Node<NodeData<"integration">, "integration">;
}

export type CanvasNodeOfKind<K extends NodeKind> = CanvasNodesByKind[K];

export type CanvasNode = CanvasNodesByKind[NodeKind];

export type CanvasEdge = Edge;

/** An integration the integration node can pick (the shape of `integrations.list`). */
export interface IntegrationOption {
  id: string;
  type: string;
  name: string;
  enabled: boolean;
  perLevelVariables: { name: string; label: string }[];
  /** Human name of the type ("Slack"), when the server sends it. */
  typeLabel?: string;
}

/** Marks a node carries in read-only views: a run's path, or a side of a version diff. */
export type NodeHighlight = "fired" | "failed" | "next" | "added" | "removed" | "changed";

export interface XY {
  x: number;
  y: number;
}
