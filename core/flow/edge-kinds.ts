import type { GraphIssueCode, IssueParams } from "./graph-issue";

/**
 * What a single edge may connect, judged from its two end nodes alone. Both the canvas (while
 * dragging) and the validator use this, so the two can never disagree on what a handle accepts.
 */
export type RuleNode =
  | { id: string; type: "trigger" }
  | { id: string; type: "level"; data: { level: number } }
  | { id: string; type: "branch" }
  | { id: string; type: "integration" };

/**
 * Any node the canvas or the server holds: stored `FlowNode`s and React Flow's `Node` (whose
 * `type` is optional and `data` untyped) both fit, so the canvas passes its nodes as they are.
 */
export interface NodeLike {
  id: string;
  type?: string;
  data?: unknown;
}

/** The rule-relevant view of a node; null when its kind (or a level's number) is unknown. */
export function toRuleNode(node: NodeLike): RuleNode | null {
  switch (node.type) {
    case "trigger":
    case "branch":
    case "integration":
      return { id: node.id, type: node.type };
    case "level": {
      const { data } = node;
      if (typeof data !== "object" || data === null || !("level" in data) || typeof data.level !== "number")
        return null;
      return { id: node.id, type: "level", data: { level: data.level } };
    }
    default:
      return null;
  }
}

export interface EdgeProblem {
  code: GraphIssueCode;
  reason: string;
  params: IssueParams;
}

const SOURCE_HANDLES: Record<RuleNode["type"], readonly string[]> = {
  trigger: ["out"],
  level: ["next", "out"],
  branch: ["error", "reminder", "ok"],
  integration: ["failure"],
};

const KIND_NAMES: Record<RuleNode["type"], string> = {
  trigger: "a trigger",
  level: "an escalation level",
  branch: "a message-type branch",
  integration: "an integration",
};

export const sourceHandlesOf = (type: RuleNode["type"]): readonly string[] => SOURCE_HANDLES[type];

export function checkEdgeKinds(
  source: RuleNode,
  sourceHandle: string | null | undefined,
  target: RuleNode,
  targetHandle: string | null | undefined,
): EdgeProblem | null {
  if (source.id === target.id) return { code: "self_loop", reason: "A node cannot connect to itself.", params: {} };
  if (target.type === "trigger")
    return { code: "trigger_has_input", reason: "Nothing can connect into a trigger.", params: {} };
  if (targetHandle !== null && targetHandle !== undefined && targetHandle !== "in") {
    return {
      code: "unknown_handle",
      reason: `Unknown input handle "${targetHandle}".`,
      params: { side: "input", handle: targetHandle, kind: target.type },
    };
  }
  const handle = sourceHandle ?? defaultHandle(source.type);
  if (handle === null || !SOURCE_HANDLES[source.type].includes(handle)) {
    return {
      code: "unknown_handle",
      reason: `${capitalize(KIND_NAMES[source.type])} has no "${sourceHandle ?? ""}" output.`,
      params: { side: "output", handle: sourceHandle ?? "", kind: source.type },
    };
  }
  const wrong = (expected: keyof typeof EXPECTED): EdgeProblem => ({
    code: "wrong_target_kind",
    reason: `${capitalize(describeOutput(source.type, handle))} connects to ${EXPECTED[expected]}, not to ${KIND_NAMES[target.type]}.`,
    params: { source: source.type, handle, expected, target: target.type },
  });
  switch (source.type) {
    case "trigger":
      return target.type === "level" ? null : wrong("firstLevel");
    case "level":
      if (handle === "next") {
        if (target.type !== "level") return wrong("nextLevel");
        return target.data.level > source.data.level
          ? null
          : {
              code: "level_order",
              reason: `Level ${source.data.level} can only escalate to a higher level, not to level ${target.data.level}.`,
              params: { from: source.data.level, to: target.data.level },
            };
      }
      return target.type === "branch" || target.type === "integration" ? null : wrong("branchOrIntegration");
    case "branch":
    case "integration":
      return target.type === "integration" ? null : wrong("integration");
  }
}

const EXPECTED = {
  firstLevel: "the first escalation level",
  nextLevel: "the next escalation level",
  branchOrIntegration: "a branch or an integration",
  integration: "an integration",
} as const;

/** Nodes with a single output let React Flow omit the handle id. */
function defaultHandle(type: RuleNode["type"]): string | null {
  const handles = SOURCE_HANDLES[type];
  return handles.length === 1 ? (handles[0] ?? null) : null;
}

function describeOutput(type: RuleNode["type"], handle: string): string {
  if (type === "level") return handle === "next" ? "a level's next output" : "a level's output";
  if (type === "branch") return `a branch's ${handle} output`;
  if (type === "integration") return "an integration's on-failure output";
  return "a trigger";
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Outputs that take exactly one edge, with the reason shown when a second one is drawn. */
export function singleOutputLimit(
  source: RuleNode,
  handle: string | null | undefined,
): { reason: string; params: IssueParams } | null {
  if (source.type === "trigger")
    return { reason: "A trigger connects to one level only.", params: { limit: "trigger" } };
  if (source.type === "level" && handle === "next")
    return {
      reason: `Level ${source.data.level} already escalates to a next level.`,
      params: { limit: "levelNext", level: source.data.level },
    };
  if (source.type === "integration")
    return {
      reason: "An integration has one fallback; chain further fallbacks from it.",
      params: { limit: "integration" },
    };
  return null;
}
