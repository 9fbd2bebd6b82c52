import type { FlowGraph, FlowEdge, FlowNode, NodeOfKind } from "./document";
import { FlowError } from "./flow-error";
import { indexGraph, isNodeOfKind, outEdges, type GraphIndex } from "./graph-index";
import { describeNode } from "./node-names";
import { MESSAGE_TYPES, type MessageType } from "../message-template/message-type";
import { PLAN_VERSION, type FlowPlan, type PlanLevel, type PlanTarget } from "./plan";

type Index = GraphIndex<FlowNode, FlowEdge>;
type IntegrationNode = NodeOfKind<"integration">;

/**
 * Compiles a validated graph into the plan the escalation workflow interprets. It does not
 * re-validate: run `validateGraph` first. It still throws a coded `FlowError` rather than
 * emitting a plan that would page nobody (no trigger, an integration with nothing chosen).
 */
export function compilePlan(graph: FlowGraph): FlowPlan {
  const index = indexGraph(graph.nodes, graph.edges);
  const triggers = graph.nodes.filter(isNodeOfKind("trigger"));
  const [trigger] = triggers;
  if (!trigger) throw new FlowError("PLAN_NO_TRIGGER", "The flow has no trigger.");
  if (triggers.length > 1) {
    throw new FlowError("PLAN_MULTIPLE_TRIGGERS", `The flow has ${triggers.length} triggers; it needs exactly one.`);
  }

  const levels = graph.nodes
    .filter(isNodeOfKind("level"))
    .sort((a, b) => a.data.level - b.data.level)
    .map((level) => compileLevel(level, index));

  return {
    planVersion: PLAN_VERSION,
    trigger: {
      nodeId: trigger.id,
      format: trigger.data.format,
      // Copied so the plan (workflow input, stored as JSON) never aliases the editable document.
      filters: trigger.data.filters.map((f) => ({ ...f })),
      alertKey: trigger.data.alertKey,
    },
    levels,
  };
}

function compileLevel(level: NodeOfKind<"level">, index: Index): PlanLevel {
  const targets = new TargetLists(index);
  for (const out of outEdges(index, level.id)) {
    if (out.sourceHandle !== "out") continue;
    const node = index.nodes.get(out.target);
    if (node?.type === "integration") {
      targets.offer(node, MESSAGE_TYPES);
    } else if (node?.type === "branch") {
      for (const routed of outEdges(index, node.id)) {
        const type = messageTypeOf(routed);
        const integration = index.nodes.get(routed.target);
        if (type && integration?.type === "integration") targets.offer(integration, [type]);
      }
    }
  }
  const { data } = level;
  return {
    nodeId: level.id,
    level: data.level,
    mode: data.mode,
    afterSeconds: data.afterSeconds,
    errorCount: data.errorCount,
    reminderCount: data.reminderCount,
    reminderEverySeconds: data.reminderEverySeconds,
    message: data.message,
    error: targets.lists.error,
    reminder: targets.lists.reminder,
    ok: targets.lists.ok,
  };
}

function messageTypeOf(edge: FlowEdge): MessageType | null {
  switch (edge.sourceHandle) {
    case "error":
    case "reminder":
    case "ok":
      return edge.sourceHandle;
    default:
      return null;
  }
}

/** Collects a level's targets per message type, once per integration node, in edge order. */
class TargetLists {
  readonly lists: Record<MessageType, PlanTarget[]> = { error: [], reminder: [], ok: [] };
  private readonly seen: Record<MessageType, Set<string>> = { error: new Set(), reminder: new Set(), ok: new Set() };

  constructor(private readonly index: Index) {}

  offer(node: IntegrationNode, types: readonly MessageType[]): void {
    for (const type of types) {
      // A branch picks which type travels down a link; the link's own switches still veto it.
      if (type === "reminder" && !node.data.sendReminders) continue;
      if (type === "ok" && !node.data.sendOk) continue;
      if (this.seen[type].has(node.id)) continue;
      this.seen[type].add(node.id);
      this.lists[type].push(buildTarget(node, this.index, new Set()));
    }
  }
}

function buildTarget(node: IntegrationNode, index: Index, chain: Set<string>): PlanTarget {
  const { integrationId } = node.data;
  if (integrationId === null) {
    throw new FlowError(
      "PLAN_INTEGRATION_NOT_CHOSEN",
      `${describeNode(node)} has no integration chosen; validate the graph before compiling.`,
    );
  }
  chain.add(node.id);
  return {
    nodeId: node.id,
    integrationId,
    variables: { ...node.data.variables },
    fallback: fallbackOf(node, index, chain),
  };
}

function fallbackOf(node: IntegrationNode, index: Index, chain: Set<string>): PlanTarget | null {
  for (const out of outEdges(index, node.id)) {
    if (out.sourceHandle !== "failure") continue;
    const next = index.nodes.get(out.target);
    // The chain guard keeps a (rejected) failure loop from recursing forever.
    if (next?.type === "integration" && !chain.has(next.id)) return buildTarget(next, index, chain);
  }
  return null;
}
