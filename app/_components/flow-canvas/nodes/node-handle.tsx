"use client";

import { Handle, type Position } from "@xyflow/react";
import { useCanvasView } from "../canvas-view";

interface NodeHandleProps {
  type: "source" | "target";
  position: Position;
  id: string;
  className: string;
}

/**
 * React Flow's <Handle> when the handle can be used; zoomed far out (where handles are hidden
 * and a fraction of a pixel wide) a plain element with the same classes and data attributes.
 * Each <Handle> keeps a store subscription, and a 500-node flow has over a thousand of them:
 * re-checking them all on every drag frame was a large part of the frame. React Flow measures
 * handle positions from these classes and attributes (getHandleBounds in @xyflow/system), and the
 * element's box is the same either way, so edges stay attached across the switch.
 */
export function NodeHandle({ type, position, id, className }: NodeHandleProps) {
  const interactive = useCanvasView((v) => !v.readOnly && !v.farZoom);
  if (interactive) return <Handle type={type} position={position} id={id} className={className} />;
  return (
    <div
      data-handleid={id}
      data-handlepos={position}
      className={`react-flow__handle react-flow__handle-${position} ${type} ${className}`}
      aria-hidden
    />
  );
}
