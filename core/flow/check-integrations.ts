import { isUrlVariableName, urlProblem } from "../integrations/url-scheme";
import type { FlowGraph } from "./document";
import { isNodeOfKind } from "./graph-index";
import type { GraphIssue } from "./graph-issue";
import { describeNode } from "./node-names";

export interface IntegrationCheckOptions {
  /** Integrations of the flow's workspace; when given, any other id is refused. */
  knownIntegrationIds?: ReadonlySet<string>;
}

export function checkIntegrations(graph: FlowGraph, { knownIntegrationIds }: IntegrationCheckOptions): GraphIssue[] {
  const issues: GraphIssue[] = [];
  for (const node of graph.nodes.filter(isNodeOfKind("integration"))) {
    const { integrationId } = node.data;
    if (integrationId === null) {
      issues.push({
        code: "integration_not_chosen",
        message: `${describeNode(node)} has no integration chosen.`,
        nodeId: node.id,
      });
    } else if (knownIntegrationIds && !knownIntegrationIds.has(integrationId)) {
      issues.push({
        code: "unknown_integration",
        message: `${describeNode(node)} uses an integration that does not exist in this workspace (it may have been deleted).`,
        nodeId: node.id,
      });
    }
    // A per-level URL (the webhook's ApiUrl) is as much a destination as the integration's own.
    for (const [name, value] of Object.entries(node.data.variables)) {
      if (!isUrlVariableName(name)) continue;
      const problem = urlProblem(value);
      if (!problem) continue;
      issues.push({
        code: "integration_url_not_http",
        message: `${describeNode(node)}: ${name} ${problem.message}.`,
        params: { kind: problem.kind, field: name, value: problem.scheme },
        nodeId: node.id,
        path: `nodes.${graph.nodes.indexOf(node)}.data.variables.${name}`,
      });
    }
  }
  return issues;
}
