import type { FlowGraph, FlowNode, NodeOfKind } from "../flow/document";
import { describeNode } from "../flow/node-names";
import type { IntegrationType } from "../integrations/integration-types";
import { integrationDefinitions } from "../integrations/registry";
import { secretVariableNames } from "./check-placeholders";
import type { TemplatePlaceholder } from "./template-document";
import type { TemplateIssue, TemplateReadResult } from "./template-issue";

/** What the conversion needs to know of each integration the flow uses; never its values. */
export interface SourceIntegration {
  type: IntegrationType;
  /** Names of the secrets stored on the integration, custom ones included. */
  secretNames: readonly string[];
}

export interface TemplateGraph {
  graph: FlowGraph;
  placeholders: TemplatePlaceholder[];
}

/**
 * Turns a flow's graph into a template's: each distinct integration becomes one typed
 * placeholder (in order of first use), every integration node forgets its integration, and
 * per-level values survive unless the variable is secret for the type or stored as a secret on
 * the source integration. A node with no integration chosen, or one this workspace does not
 * have, cannot be typed and is refused.
 */
export function templateFromGraph(
  graph: FlowGraph,
  integrations: ReadonlyMap<string, SourceIntegration>,
): TemplateReadResult<TemplateGraph> {
  const issues: TemplateIssue[] = [];
  const groups = new Map<string, { source: SourceIntegration; nodes: NodeOfKind<"integration">[] }>();
  graph.nodes.forEach((node, i) => {
    if (node.type !== "integration") return;
    const { integrationId } = node.data;
    const source = integrationId === null ? undefined : integrations.get(integrationId);
    if (integrationId === null || !source) {
      issues.push({
        code: "placeholder",
        path: `graph.nodes.${i}.data.integrationId`,
        nodeId: node.id,
        message: `${describeNode(node)} has ${integrationId === null ? "no integration chosen" : "an integration this workspace does not have"}; choose one before saving the flow as a template.`,
      });
      return;
    }
    const group = groups.get(integrationId) ?? { source, nodes: [] };
    group.nodes.push(node);
    groups.set(integrationId, group);
  });
  if (issues.length > 0) return { ok: false, issues };

  const placeholders = placeholdersOf([...groups.values()]);
  const stripped = new Map(
    [...groups.values()].flatMap(({ source, nodes }) => {
      const hidden = new Set([...secretVariableNames(source.type), ...source.secretNames]);
      return nodes.map((node) => [node.id, hidden] as const);
    }),
  );
  const nodes = graph.nodes.map((node): FlowNode => {
    if (node.type !== "integration") return structuredClone(node);
    const hidden = stripped.get(node.id) ?? new Set<string>();
    const variables = Object.fromEntries(Object.entries(node.data.variables).filter(([name]) => !hidden.has(name)));
    return { ...node, position: { ...node.position }, data: { ...node.data, integrationId: null, variables } };
  });
  return {
    ok: true,
    value: {
      graph: { schemaVersion: graph.schemaVersion, nodes, edges: graph.edges.map((e) => ({ ...e })) },
      placeholders,
    },
  };
}

function placeholdersOf(groups: { source: SourceIntegration; nodes: NodeOfKind<"integration">[] }[]) {
  const keys = new Set<string>();
  const labels = new Set<string>();
  return groups.map(({ source, nodes }): TemplatePlaceholder => {
    const typeLabel = integrationDefinitions[source.type].label;
    const nodeLabel = nodes.map((n) => n.data.label.trim()).find((l) => l !== "");
    return {
      key: unique(keys, source.type, "-"),
      integrationType: source.type,
      label: unique(labels, (nodeLabel ?? typeLabel).slice(0, 110), " "),
      description: "",
      nodeIds: nodes.map((n) => n.id),
    };
  });
}

/** `base`, or `base-2`, `base-3`, … whichever is free; records the choice. */
function unique(taken: Set<string>, base: string, separator: string): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}${separator}${n}`;
  taken.add(candidate);
  return candidate;
}
