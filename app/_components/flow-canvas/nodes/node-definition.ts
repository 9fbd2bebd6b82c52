import type { NodeProps } from "@xyflow/react";
import type { LucideIcon } from "lucide-react";
import type { ComponentType } from "react";
import type { FlowNode, NodeKind } from "~/core/flow/document";
import type { CanvasNodeOfKind, NodeData } from "../canvas-types";
import type { SourceSpec } from "./node-card";

/** Everything the canvas needs to know about one kind of node; collected in node-registry.ts. */
export interface NodeDefinition<K extends NodeKind> {
  kind: K;
  /** Name in the palette and the inspector. */
  label: string;
  /** One line in the palette saying what the node is for. */
  hint: string;
  icon: LucideIcon;
  hasInput: boolean;
  sources: readonly SourceSpec[];
  /** Data for a new node dropped onto a canvas that already holds `existing`. */
  createData: (existing: readonly FlowNode[]) => NodeData<K>;
  component: ComponentType<NodeProps<CanvasNodeOfKind<K>>>;
}
