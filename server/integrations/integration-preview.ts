import type { MessagePreview } from "~/core/integrations/preview-message";
import type { PreviewInput } from "~/core/integrations/integration-inputs";
import { assertDraftUrlFields } from "./http-url-fields";
import {
  missingVariables,
  resolveDraft,
  withPlaceholders,
  type DraftIssue,
  type MissingVariable,
} from "./integration-draft";
import type { IntegrationScope } from "./integration-rows";
import { workspaceTimeZone } from "../i18n/workspace-time-zone";
import { offLoop } from "../compute/off-loop";
import { sampleInput } from "./sample-input";
import { assertSavedSecretsStayPut } from "./secret-reentry-guard";

/**
 * What one message type would send for the sample alert, without sending it: the rendered
 * request(s) or email with every secret shown as `[secret:Name]`, the template problems of the draft (with field and
 * line:column), and the required variables still without a value.
 */
export interface IntegrationPreview extends MessagePreview {
  issues: DraftIssue[];
  missing: MissingVariable[];
}

export async function previewIntegration(scope: IntegrationScope, input: PreviewInput): Promise<IntegrationPreview> {
  assertDraftUrlFields(input);
  const resolved = await resolveDraft(scope, input, { validateTemplates: false });
  const missing = missingVariables(resolved.record, input.levelVariables);
  const base = { issues: resolved.issues, missing };
  if (!resolved.customizationsValid) {
    return { ...base, messageType: input.messageType, skipped: false, requests: [], problems: [] };
  }
  assertSavedSecretsStayPut(resolved, input);
  // The sample renders local times in the workspace's zone, as its deliveries will.
  const sample = sampleInput(input);
  const ctx = {
    ...sample,
    account: { id: sample.account?.id ?? "", timeZone: await workspaceTimeZone(scope.db, scope.workspaceId) },
  };
  const { issues, preview } = await offLoop("preview", {
    record: resolved.record,
    rendered: withPlaceholders(resolved.record, missing),
    messageType: input.messageType,
    ctx,
  });
  return { ...base, issues, ...preview };
}
