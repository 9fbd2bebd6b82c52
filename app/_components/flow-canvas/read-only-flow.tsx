"use client";

import {
  Background,
  Controls,
  Handle,
  MiniMap,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from "@xyflow/react";
import { BellRing, GitBranch, Layers, Plug } from "lucide-react";
import { memo } from "react";
import type { FlowGraph, FlowNode } from "~/server/flow/document";
import { nodeSummary, nodeTitle } from "./node-summary";

type ViewNode = Node<{ flowNode: FlowNode; highlight?: "fired" | "failed" }, "view">;

const ICONS = { trigger: BellRing, level: Layers, branch: GitBranch, integration: Plug } as const;

const ViewNodeCard = memo(function ViewNodeCard({ data }: NodeProps<ViewNode>) {
  const node = data.flowNode;
  const Icon = ICONS[node.type];
  const ring = data.highlight === "failed" ? "ring-2 ring-danger" : data.highlight === "fired" ? "ring-2 ring-accent" : "";
  return (
    <div className={`w-56 rounded-lg border border-border bg-panel px-3 py-2 shadow-sm ${ring}`} data-node-type={node.type}>
      {node.type !== "trigger" ? <Handle type="target" position={Position.Left} id="in" isConnectable={false} /> : null}
      <div className="flex items-center gap-1.5 text-[12px] font-semibold">
        <Icon className="size-3.5 text-accent" aria-hidden />
        <span className="truncate">{nodeTitle(node)}</span>
      </div>
      <div className="mt-0.5 truncate text-[11px] text-muted">{nodeSummary(node)}</div>
      {sourceHandles(node).map((h, i, all) => (
        <Handle
          key={h}
          type="source"
          position={Position.Right}
          id={h}
          isConnectable={false}
          style={{ top: `${((i + 1) / (all.length + 1)) * 100}%` }}
        />
      ))}
    </div>
  );
});

function sourceHandles(node: FlowNode): string[] {
  switch (node.type) {
    case "trigger":
      return ["out"];
    case "level":
      return ["out", "next"];
    case "branch":
      return ["error", "reminder", "ok"];
    case "integration":
      return ["failure"];
  }
}

const nodeTypes = { view: ViewNodeCard };

/** A graph drawn read-only: the flow page before editing, and the graph a run ran. */
export function ReadOnlyFlow({ graph, highlights = {} }: { graph: FlowGraph; highlights?: Record<string, "fired" | "failed"> }) {
  const nodes: ViewNode[] = graph.nodes.map((n) => ({
    id: n.id,
    type: "view",
    position: n.position,
    data: { flowNode: n, highlight: highlights[n.id] },
    draggable: false,
  }));
  const edges: Edge[] = graph.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    sourceHandle: e.sourceHandle,
    targetHandle: e.targetHandle,
    label: e.sourceHandle === "out" || e.sourceHandle === "next" ? undefined : e.sourceHandle,
  }));
  return (
    <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} fitView nodesConnectable={false} proOptions={{ hideAttribution: true }}>
      <Background gap={16} />
      <MiniMap pannable zoomable />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
