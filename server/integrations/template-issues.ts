import type { IntegrationRecord } from "~/core/integrations/integration-record";
import { validateIntegrationTemplates, type IntegrationTemplateIssue } from "~/core/integrations/validate-integration";

/** A problem the editor shows next to a field: a template error (with position) or a malformed value. */
export interface DraftIssue {
  path: string;
  code: string;
  /** The bare problem in English, for API clients and logs. */
  message: string;
  /** What the problem names; the editor words `code` with them in the page's language. */
  params: IntegrationTemplateIssue["params"];
  messageTypes: IntegrationTemplateIssue["messageTypes"];
  position: number | null;
  line: number | null;
  column: number | null;
}

export function templateIssues(record: IntegrationRecord): DraftIssue[] {
  const issues = validateIntegrationTemplates({
    type: record.type,
    variables: record.variables,
    secretNames: Object.keys(record.secrets),
    customizations: record.customizations,
  });
  return issues.map(({ path, code, params, detail, messageTypes, position, line, column }) => ({
    path,
    code,
    params,
    message: detail,
    messageTypes,
    position,
    line,
    column,
  }));
}
