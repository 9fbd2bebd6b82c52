import type { FlowGraph, FlowNode } from "./document";

/**
 * How messages refer to a node: its label when it has one (labels are what people see on the
 * canvas), otherwise its kind and, for levels, the level number.
 */
export function describeNode(node: FlowNode): string {
  const label = node.data.label.trim();
  switch (node.type) {
    case "trigger":
      return label ? `Trigger "${label}"` : "The trigger";
    case "level":
      return label ? `Level ${node.data.level} "${label}"` : `Level ${node.data.level}`;
    case "branch":
      return label ? `Branch "${label}"` : "A message-type branch";
    case "integration":
      // Never the internal id: people know nodes by what the canvas shows.
      return label ? `Integration "${label}"` : "An integration node";
  }
}

/**
 * An unlabeled integration node shows its integration's name on the canvas, so messages should
 * too: the graph with those names filled in as labels (display only; ids and settings unchanged).
 */
export function withIntegrationLabels(
  graph: FlowGraph,
  integrationNames: Readonly<Record<string, string>> | undefined,
): FlowGraph {
  if (!integrationNames) return graph;
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      if (node.type !== "integration" || node.data.label.trim() || node.data.integrationId === null) return node;
      const name = Object.hasOwn(integrationNames, node.data.integrationId)
        ? integrationNames[node.data.integrationId]
        : undefined;
      return name ? { ...node, data: { ...node.data, label: name } } : node;
    }),
  };
}
