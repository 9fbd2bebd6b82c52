import { checkConnections } from "./check-connections";
import { checkIdentity } from "./check-identity";
import { checkIntegrations, type IntegrationCheckOptions } from "./check-integrations";
import { checkLevels } from "./check-levels";
import { checkTopology } from "./check-topology";
import type { FlowGraph } from "./document";
import { indexGraph } from "./graph-index";
import { withIntegrationLabels } from "./node-names";
import type { GraphIssue } from "./graph-issue";
import { parseGraphDocument } from "./parse-graph-document";

export type { GraphIssue, GraphIssueCode } from "./graph-issue";

export interface ValidateGraphOptions extends IntegrationCheckOptions {
  /** Names of the workspace's integrations by id: messages name an unlabeled node by its integration. */
  integrationNames?: Readonly<Record<string, string>>;
}
export type ValidateGraphResult = { ok: true; graph: FlowGraph } | { ok: false; errors: GraphIssue[] };

/**
 * The one check the canvas runs on every edit and the server runs on save and publish. Schema
 * errors stop it early (the rules need a well-formed graph); otherwise every rule runs so the
 * canvas can show all problems at once. A valid result is safe to pass to `compilePlan`.
 */
export function validateGraph(raw: unknown, opts: ValidateGraphOptions = {}): ValidateGraphResult {
  const parsed = parseGraphDocument(raw);
  if (!parsed.ok) return parsed;
  const { graph } = parsed;
  // Rules read ids and settings only; labels just name nodes in the messages.
  const shown = withIntegrationLabels(graph, opts.integrationNames);
  const index = indexGraph(shown.nodes, shown.edges);
  const errors = [
    ...checkIdentity(shown),
    ...checkConnections(shown, index),
    ...checkTopology(shown, index),
    ...checkLevels(shown),
    ...checkIntegrations(shown, opts),
  ];
  return errors.length === 0 ? { ok: true, graph } : { ok: false, errors };
}
