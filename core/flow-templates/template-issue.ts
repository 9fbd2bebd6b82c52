/**
 * One reason a template file or document was refused. `path` is dot-separated into the document
 * (`graph.nodes.3.data.label`, `placeholders.0.key`); `nodeId` is set when a graph node is at
 * fault, so a preview can mark it.
 */
export type TemplateIssueCode =
  | "too_large"
  | "invalid_json"
  | "too_deep"
  | "forbidden_key"
  | "not_a_template"
  | "format_version_unknown"
  | "format_version_too_new"
  | "schema"
  | "graph_version"
  | "graph"
  | "markup"
  | "placeholder"
  | "integration_named"
  | "not_runnable";

export interface TemplateIssue {
  code: TemplateIssueCode;
  message: string;
  path?: string;
  nodeId?: string;
}

export type TemplateReadResult<T> = { ok: true; value: T } | { ok: false; issues: TemplateIssue[] };
