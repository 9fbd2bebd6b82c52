import type { Handle } from "@xyflow/react";
import type { CanvasEdge, CanvasNode } from "~/app/_components/flow-canvas/canvas-types";
import { isValidConnection } from "~/core/flow/connection-rules";

/**
 * Why a connection dragged from `from` to `to` is refused, or null when it is allowed. React Flow
 * reports handles as dragged (from either end); the rules want them as source → target.
 */
export function refusalReason(
  from: Pick<Handle, "nodeId" | "id" | "type">,
  to: Pick<Handle, "nodeId" | "id" | "type">,
  nodes: readonly CanvasNode[],
  edges: readonly CanvasEdge[],
): string | null {
  if (from.type === to.type) {
    return from.type === "source"
      ? "Connect an output (right side) to an input (left side of the next node)."
      : "Connect an input (left side) to an output (right side of the previous node).";
  }
  const [source, target] = from.type === "source" ? [from, to] : [to, from];
  const verdict = isValidConnection(
    { source: source.nodeId, sourceHandle: source.id, target: target.nodeId, targetHandle: target.id },
    nodes,
    edges,
  );
  return verdict.ok ? null : verdict.reason;
}
