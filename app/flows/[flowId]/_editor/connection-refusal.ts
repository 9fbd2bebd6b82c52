import type { Handle } from "@xyflow/react";
import type { CanvasEdge, CanvasNode } from "~/app/_components/flow-canvas/canvas-types";
import type { IssueLike } from "~/app/_components/flow-canvas/use-issue-text";
import { isValidConnection } from "~/core/flow/connection-rules";

/** Two outputs or two inputs dragged together, or a problem the connection rules found. */
export type Refusal = { sameSide: "source" | "target" } | { issue: IssueLike };

/**
 * Why a connection dragged from `from` to `to` is refused, or null when it is allowed. React Flow
 * reports handles as dragged (from either end); the rules want them as source → target.
 */
export function refusalReason(
  from: Pick<Handle, "nodeId" | "id" | "type">,
  to: Pick<Handle, "nodeId" | "id" | "type">,
  nodes: readonly CanvasNode[],
  edges: readonly CanvasEdge[],
): Refusal | null {
  if (from.type === to.type) return { sameSide: from.type };
  const [source, target] = from.type === "source" ? [from, to] : [to, from];
  const verdict = isValidConnection(
    { source: source.nodeId, sourceHandle: source.id, target: target.nodeId, targetHandle: target.id },
    nodes,
    edges,
  );
  return verdict.ok ? null : { issue: { code: verdict.code, message: verdict.reason, params: verdict.params } };
}
