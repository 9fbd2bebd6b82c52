import type { IntegrationType } from "../integrations/integration-types";
import { integrationDefinitions } from "../integrations/registry";
import type { FlowTemplateDocument, TemplatePlaceholder } from "./template-document";

/** "a Slack integration", "an Alertflow integration (webhook)": how messages name a type. */
export function integrationPhrase(type: IntegrationType): string {
  const { label } = integrationDefinitions[type];
  const phrase = /integration/i.test(label) ? label : `${label} integration`;
  // "an" before a vowel sound: a vowel, or an acronym read letter by letter from "ef", "es", … ("an SMS").
  const an = /^[aeiou]/i.test(phrase) || /^[FHLMNRSX][A-Z]/.test(phrase);
  return `${an ? "an" : "a"} ${phrase}`;
}

/** A placeholder as people read it: "a Slack integration" and what the flow sets per level. */
export function describePlaceholder(document: FlowTemplateDocument, placeholder: TemplatePlaceholder) {
  const definition = integrationDefinitions[placeholder.integrationType];
  const nodes = new Map(document.graph.nodes.map((n) => [n.id, n]));
  const perLevel = placeholder.nodeIds.flatMap((nodeId) => {
    const node = nodes.get(nodeId);
    if (node?.type !== "integration") return [];
    const values = Object.entries(node.data.variables).filter(([, value]) => value !== "");
    return values.length > 0 ? [{ nodeId, node: node.data.label || node.id, values: Object.fromEntries(values) }] : [];
  });
  return {
    key: placeholder.key,
    integrationType: placeholder.integrationType,
    typeLabel: definition.label,
    /** "a Slack integration" */
    needs: integrationPhrase(placeholder.integrationType),
    label: placeholder.label,
    description: placeholder.description,
    nodeIds: [...placeholder.nodeIds],
    /** Values the flow sets for this integration on its levels (never secrets). */
    perLevel,
  };
}
export type PlaceholderView = ReturnType<typeof describePlaceholder>;

/** The template as the gallery, the wizard and the public page show it. Nothing but the template. */
export function describeTemplate(document: FlowTemplateDocument) {
  return {
    name: document.name,
    description: document.description,
    tags: [...document.tags],
    author: document.author,
    version: document.version,
    graph: document.graph,
    placeholders: document.placeholders.map((p) => describePlaceholder(document, p)),
  };
}
export type TemplateView = ReturnType<typeof describeTemplate>;
