import type { FlowNode } from "./document";

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
      return label ? `Integration "${label}"` : `Integration node ${node.id}`;
  }
}
