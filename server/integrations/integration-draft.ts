import { randomUUID } from "node:crypto";
import { domainRefusal } from "~/core/domain-error";
import { customizationsSchema } from "~/core/integrations/customizations-schema";
import type { IntegrationRecord } from "~/core/integrations/integration-record";
import { integrationVariables } from "~/core/integrations/message-plan";
import { getIntegrationDefinition } from "~/core/integrations/registry";
import type { IntegrationDraftInput } from "~/core/integrations/integration-inputs";
import { loadIntegrationRow, recordFromRow, type IntegrationScope } from "./integration-rows";
import { mergeSecrets, splitSecrets } from "./integration-secrets";
import { templateIssues, type DraftIssue } from "./template-issues";

export type { DraftIssue } from "./template-issues";

export interface ResolvedDraft {
  record: IntegrationRecord;
  /** The saved integration the draft is laid over, if any. */
  saved?: IntegrationRecord;
  /** Saved secrets the draft did not type again: they may only go where they were saved to go. */
  carried: string[];
  /** False when the customizations do not parse; `record` then has none and must not be sent. */
  customizationsValid: boolean;
  issues: DraftIssue[];
}

export interface MissingVariable {
  name: string;
  label: string;
  /** An escalation level could supply it instead. */
  perLevel: boolean;
}

/**
 * The integration a preview or test-send works on: the stored one, the editor's unsaved draft,
 * or the draft laid over the stored one (stored secrets fill in what the draft leaves out).
 */
export async function resolveDraft(
  scope: IntegrationScope,
  source: { integrationId?: string; draft?: IntegrationDraftInput },
  /** False leaves `issues` without the template problems: the caller finds them off the event loop. */
  { validateTemplates = true }: { validateTemplates?: boolean } = {},
): Promise<ResolvedDraft> {
  const issuesOf = (record: IntegrationRecord) => (validateTemplates ? templateIssues(record) : []);
  const stored = source.integrationId
    ? recordFromRow(await loadIntegrationRow(scope, source.integrationId), scope.keyring)
    : undefined;
  const draft = source.draft;
  if (!draft) {
    if (!stored) {
      throw domainRefusal("INVALID_INPUT", "Give an integrationId or a draft", "integrationDraftMissing", {});
    }
    // The saved secrets still travel with the person's sample alert and level values: guard them all.
    const carried = Object.keys(stored.secrets);
    return { record: stored, saved: stored, carried, customizationsValid: true, issues: issuesOf(stored) };
  }
  if (stored && stored.type !== draft.type) {
    throw domainRefusal(
      "INVALID_INPUT",
      `The draft is a ${draft.type} integration but the stored one is ${stored.type}`,
      "integrationTypeMismatch",
      { draftType: draft.type, storedType: stored.type },
    );
  }
  const { plain, hidden } = splitSecrets(draft.type, draft.variables, draft.secrets);
  const parsed = customizationsSchema.safeParse(draft.customizations);
  const record: IntegrationRecord = {
    id: stored?.id ?? randomUUID(),
    type: draft.type,
    name: stored?.name ?? "Draft",
    variables: plain,
    secrets: mergeSecrets(stored?.secrets ?? {}, hidden),
    customizations: parsed.success ? parsed.data : null,
  };
  const carried = Object.keys(stored?.secrets ?? {}).filter((name) => !Object.hasOwn(hidden, name));
  const laid = { record, saved: stored, carried };
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i): DraftIssue => ({
      path: i.path.map(String).join("."),
      code: "INVALID_CUSTOMIZATION",
      message: i.message,
      params: { detail: i.message },
      messageTypes: [],
      position: null,
      line: null,
      column: null,
    }));
    return { ...laid, customizationsValid: false, issues };
  }
  return { ...laid, customizationsValid: true, issues: issuesOf(record) };
}

/** Required variables with no value from the integration, its defaults, the level or a secret. */
export function missingVariables(record: IntegrationRecord, levelVariables: Record<string, string>): MissingVariable[] {
  const values = integrationVariables(record, levelVariables);
  return getIntegrationDefinition(record.type)
    .variables.filter((v) => v.required && (values[v.name] ?? "").trim() === "")
    .map((v) => ({ name: v.name, label: v.label, perLevel: v.modes.includes("perLevel") }));
}

/**
 * Shows an unset variable as a marker in a preview rather than failing the whole render. The
 * marker is the variable's name in angle brackets, no words: the page names what is missing above
 * the preview, in its own language. ASCII only, since it may land in a header (Opsgenie's
 * Authorization), which cannot carry characters beyond Latin-1.
 */
export function withPlaceholders(record: IntegrationRecord, missing: MissingVariable[]): IntegrationRecord {
  const placeholders = Object.fromEntries(missing.map((m) => [m.name, `<${m.name}>`]));
  return { ...record, variables: { ...record.variables, ...placeholders } };
}
