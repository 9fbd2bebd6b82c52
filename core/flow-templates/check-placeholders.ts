import type { NodeOfKind } from "../flow/document";
import type { IntegrationType } from "../integrations/integration-types";
import { integrationDefinitions } from "../integrations/registry";
import type { FlowTemplateDocument } from "./template-document";
import type { TemplateIssue } from "./template-issue";

/** Names the catalogue marks secret for a type: a template never carries a value for one. */
export function secretVariableNames(type: IntegrationType): Set<string> {
  return new Set(integrationDefinitions[type].variables.filter((v) => v.secret).map((v) => v.name));
}

/**
 * Placeholders and integration nodes must match one to many: every placeholder names existing
 * integration nodes, every integration node belongs to exactly one placeholder, and no node
 * names an integration or carries a secret value of its placeholder's type.
 */
export function checkPlaceholders(document: FlowTemplateDocument): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const nodeIndex = new Map(document.graph.nodes.map((node, i) => [node.id, { node, i }]));
  const owner = new Map<string, string>();
  const keys = new Set<string>();

  document.placeholders.forEach((placeholder, p) => {
    const at = `placeholders.${p}`;
    if (keys.has(placeholder.key)) {
      issues.push(issue(`${at}.key`, `the key "${placeholder.key}" is used by an earlier placeholder`));
    }
    keys.add(placeholder.key);
    const secrets = secretVariableNames(placeholder.integrationType);
    placeholder.nodeIds.forEach((nodeId, n) => {
      const path = `${at}.nodeIds.${n}`;
      const found = nodeIndex.get(nodeId);
      if (!found) return issues.push(issue(path, `there is no node "${nodeId}" in the graph`));
      if (found.node.type !== "integration") {
        return issues.push(
          issue(path, `node "${nodeId}" is a ${found.node.type} node, not an integration node`, nodeId),
        );
      }
      const previous = owner.get(nodeId);
      if (previous !== undefined) {
        return issues.push(issue(path, `node "${nodeId}" already belongs to placeholder "${previous}"`, nodeId));
      }
      owner.set(nodeId, placeholder.key);
      issues.push(...checkNodeSecrets(found.node, found.i, secrets));
    });
  });

  document.graph.nodes.forEach((node, i) => {
    if (node.type !== "integration") return;
    if (node.data.integrationId !== null) {
      issues.push({
        code: "integration_named",
        path: `graph.nodes.${i}.data.integrationId`,
        nodeId: node.id,
        message: `graph.nodes.${i}.data.integrationId (node ${node.id}): a template names no integration; it must be null and the node listed in a placeholder.`,
      });
    }
    if (!owner.has(node.id)) {
      issues.push(
        issue(`graph.nodes.${i}`, `integration node "${node.id}" is not listed in any placeholder's nodeIds`, node.id),
      );
    }
  });
  return issues;
}

function checkNodeSecrets(node: NodeOfKind<"integration">, i: number, secrets: Set<string>): TemplateIssue[] {
  return Object.keys(node.data.variables)
    .filter((name) => secrets.has(name))
    .map((name) =>
      issue(
        `graph.nodes.${i}.data.variables.${name}`,
        `"${name}" is a secret of this integration type; a template carries no secret values`,
        node.id,
      ),
    );
}

const issue = (path: string, message: string, nodeId?: string): TemplateIssue => ({
  code: "placeholder",
  path,
  nodeId,
  message: `${path}: ${message}.`,
});
