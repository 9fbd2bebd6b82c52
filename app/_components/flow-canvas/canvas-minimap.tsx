"use client";

import { MiniMap, useReactFlow, type MiniMapNodeProps, type Node } from "@xyflow/react";
import type { NodeKind } from "~/core/flow/document";
import { isNodeKind } from "./nodes/node-registry";

const KIND_COLOR: Record<NodeKind, string> = {
  trigger: "var(--accent)",
  level: "var(--warn)",
  branch: "var(--muted)",
  integration: "var(--ok)",
};

const nodeColor = (node: Node) => (node.type && isNodeKind(node.type) ? KIND_COLOR[node.type] : "var(--muted)");

/**
 * Antialiased rather than React Flow's crispEdges: on a 500-node flow most nodes are less than a
 * pixel high in the minimap, and crispEdges drops them.
 */
function MinimapNode({ x, y, width, height, color, selected }: MiniMapNodeProps) {
  return (
    <rect
      x={x}
      y={y}
      width={width}
      height={height}
      fill={color}
      fillOpacity={selected ? 1 : 0.75}
      shapeRendering="geometricPrecision"
    />
  );
}

/**
 * React Flow's <MiniMap>: drag it to move the view, click to centre there, wheel to zoom.
 * Measured against a hand-drawn <canvas> minimap on a 500-node flow (scripts/bench-canvas.ts),
 * both cost the same CPU per dragged frame within noise, so the library's one is used.
 */
export function CanvasMinimap() {
  const { setCenter, getZoom } = useReactFlow();
  return (
    <MiniMap
      pannable
      zoomable
      nodeColor={nodeColor}
      nodeComponent={MinimapNode}
      bgColor="var(--panel)"
      maskColor="transparent"
      maskStrokeColor="var(--accent)"
      maskStrokeWidth={1.5}
      onClick={(_, position) => void setCenter(position.x, position.y, { zoom: getZoom() })}
      style={{ width: 200, height: 140 }}
      className="overflow-hidden rounded-md border border-border shadow-sm"
    />
  );
}
