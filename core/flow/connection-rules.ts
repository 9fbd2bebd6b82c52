import {
  checkEdgeKinds,
  singleOutputLimit,
  sourceHandlesOf,
  toRuleNode,
  type NodeLike,
  type RuleNode,
} from "./edge-kinds";
import type { GraphIssueCode, IssueParams } from "./graph-issue";
import { indexGraph, reachableFrom } from "./graph-index";

/** React Flow's `Connection`, and any stored edge. Handles may be null while dragging. */
export interface ConnectionLike {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

export type ConnectionVerdict = { ok: true } | { ok: false; code: GraphIssueCode; reason: string; params: IssueParams };

/**
 * Whether `conn` may be added to the graph as it stands. Pure and cheap enough to run on every
 * pointer move while dragging; the server re-runs the same rules on save via `validateGraph`.
 */
export function isValidConnection(
  conn: ConnectionLike,
  nodes: readonly NodeLike[],
  edges: readonly ConnectionLike[],
): ConnectionVerdict {
  const ruleNodes = nodes.flatMap((n) => toRuleNode(n) ?? []);
  const index = indexGraph(ruleNodes, edges);
  const source = index.nodes.get(conn.source);
  const target = index.nodes.get(conn.target);
  if (!source || !target) {
    const onCanvas = nodes.some((n) => n.id === conn.source) && nodes.some((n) => n.id === conn.target);
    return onCanvas
      ? reject("unknown_node_kind", "Only triggers, levels, branches and integrations can be connected.")
      : reject("missing_node", "Both ends of a connection must be nodes on the canvas.", { variant: "drag" });
  }

  const kindProblem = checkEdgeKinds(source, conn.sourceHandle, target, conn.targetHandle);
  if (kindProblem) return reject(kindProblem.code, kindProblem.reason, kindProblem.params);
  const handle = handleOf(source, conn.sourceHandle);

  const fromSource = (index.outgoing.get(source.id) ?? []).filter((e) => handleOf(source, e.sourceHandle) === handle);
  if (fromSource.some((e) => e.target === target.id)) {
    return reject("duplicate_edge", "These two nodes are already connected this way.", { variant: "drag" });
  }

  const limit = singleOutputLimit(source, handle);
  if (limit && fromSource.length > 0) return reject("too_many_connections", limit.reason, limit.params);

  if (target.type === "level") {
    if ((index.incoming.get(target.id) ?? []).length > 0) {
      return reject(
        "too_many_connections",
        `Level ${target.data.level} already has an input; levels form a single chain.`,
        { limit: "levelInput", level: target.data.level },
      );
    }
    const lowest = Math.min(...ruleNodes.flatMap((n) => (n.type === "level" ? [n.data.level] : [])));
    if (source.type === "trigger" && target.data.level > lowest) {
      return reject("trigger_not_to_first_level", `The trigger connects to the lowest level (level ${lowest}).`, {
        lowest,
      });
    }
  }

  // Adding source→target closes a loop exactly when source is already reachable from target.
  if (reachableFrom(index, target.id).has(source.id)) {
    return reject("cycle", "This connection would create a loop.", { variant: "drag" });
  }
  return { ok: true };
}

const reject = (code: GraphIssueCode, reason: string, params: IssueParams = {}): ConnectionVerdict => ({
  ok: false,
  code,
  reason,
  params,
});

function handleOf(node: RuleNode, handle: string | null | undefined): string | undefined {
  if (handle) return handle;
  const handles = sourceHandlesOf(node.type);
  return handles.length === 1 ? handles[0] : undefined;
}
