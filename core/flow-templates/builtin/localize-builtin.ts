import type { FlowNode } from "../../flow/document";
import type { FlowTemplateDocument } from "../template-document";

/** One built-in's words in one language (core/i18n/messages: `BuiltinTemplates.<key>`). */
export interface BuiltinTexts {
  name: string;
  description: string;
  placeholders: Record<string, string>;
  nodes: Record<string, string>;
  messages?: Record<string, string>;
}

function localizeNode(node: FlowNode, texts: BuiltinTexts): FlowNode {
  const label = texts.nodes[node.id] ?? node.data.label;
  switch (node.type) {
    case "level":
      return { ...node, data: { ...node.data, label, message: texts.messages?.[node.id] ?? node.data.message } };
    case "trigger":
      return { ...node, data: { ...node.data, label } };
    case "branch":
      return { ...node, data: { ...node.data, label } };
    case "integration":
      return { ...node, data: { ...node.data, label } };
  }
}

/** Built-in tags in one language, keyed by the English tag (`BuiltinTemplateTags`); product names have none. */
export type BuiltinTagWords = Record<string, string | undefined>;

/**
 * A built-in in the page's language: its name, description, tags, placeholder labels, node labels and
 * level messages. Only built-ins are translated, from Alertflow's own message files; a flow made
 * from one keeps the words it was made with (they are then the person's own text), and workspace
 * or shared templates are shown exactly as their author wrote them. A text with no translation
 * (a product name such as "PagerDuty", a tag such as "slack") stays as the built-in has it.
 */
export function localizeBuiltin(
  document: FlowTemplateDocument,
  texts: BuiltinTexts | undefined,
  tagWords: BuiltinTagWords = {},
): FlowTemplateDocument {
  if (!texts) return document;
  return {
    ...document,
    name: texts.name,
    description: texts.description,
    tags: document.tags.map((tag) => tagWords[tag] ?? tag),
    placeholders: document.placeholders.map((p) => ({ ...p, label: texts.placeholders[p.key] ?? p.label })),
    graph: { ...document.graph, nodes: document.graph.nodes.map((node) => localizeNode(node, texts)) },
  };
}
