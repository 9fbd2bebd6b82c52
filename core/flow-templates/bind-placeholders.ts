import type { FlowGraph } from "../flow/document";
import type { TemplatePlaceholder } from "./template-document";

/**
 * A stand-in integration id per placeholder, so a template's graph can be validated, compiled
 * and drawn as if its integrations were chosen. These ids are valid UUIDs no database row has
 * (the random v4 ids Postgres hands out never have this all-zero prefix).
 */
export function standInIntegrationId(index: number): string {
  return `00000000-0000-4000-8000-${(index + 1).toString(16).padStart(12, "0")}`;
}

export function standInMapping(placeholders: readonly TemplatePlaceholder[]): Record<string, string> {
  return Object.fromEntries(placeholders.map((p, i) => [p.key, standInIntegrationId(i)]));
}

/**
 * The template's graph with every placeholder's nodes pointed at the integration chosen for it.
 * Nodes of an unmapped placeholder keep `integrationId: null`, which validation reports on the
 * node. Returns a copy; the template is not changed.
 */
export function bindPlaceholders(
  template: { graph: FlowGraph; placeholders: readonly TemplatePlaceholder[] },
  mapping: Readonly<Record<string, string>>,
): FlowGraph {
  const integrationOf = new Map<string, string>();
  for (const placeholder of template.placeholders) {
    const integrationId = Object.hasOwn(mapping, placeholder.key) ? mapping[placeholder.key] : undefined;
    if (integrationId === undefined) continue;
    for (const nodeId of placeholder.nodeIds) integrationOf.set(nodeId, integrationId);
  }
  return {
    schemaVersion: template.graph.schemaVersion,
    nodes: template.graph.nodes.map((node) =>
      node.type === "integration"
        ? {
            ...node,
            position: { ...node.position },
            data: {
              ...node.data,
              variables: { ...node.data.variables },
              integrationId: integrationOf.get(node.id) ?? null,
            },
          }
        : structuredClone(node),
    ),
    edges: template.graph.edges.map((edge) => ({ ...edge })),
  };
}
