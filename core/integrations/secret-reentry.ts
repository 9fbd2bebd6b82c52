import { referencedVariables } from "../message-template/referenced-variables";
import { renderTemplate } from "../message-template/render-template";
import { buildTemplateContext, type TemplateContextInput } from "../message-template/template-context";
import { MESSAGE_TYPES } from "../message-template/message-type";
import type { HttpStep } from "./customizations-schema";
import type { IntegrationRecord } from "./integration-record";
import { activeStepDefinitions, integrationVariables, resolveMessagePlan } from "./message-plan";
import { getIntegrationDefinition } from "./registry";
import { stepFields } from "./validate-integration";
import { ownEntry } from "../own-entry";

/** A change in a draft that would carry a stored secret somewhere it was not saved to go. */
export interface SecretReentryIssue {
  /** The field that changed, e.g. `customizations.stepDefinitions.0.steps.0.url` or `variables.ApiUrl`. */
  path: string;
  /** The stored secrets that would be carried: they must be typed again. */
  secrets: string[];
  reason: string;
}

export interface SecretReentryInput {
  /** The saved integration, secrets opened. */
  saved: IntegrationRecord;
  /** The draft laid over it, with the saved secrets filled in. */
  draft: IntegrationRecord;
  /** Names of saved secrets the draft did not type again: only these are guarded. */
  carried: readonly string[];
  /** The sample as saved (no person's edits, no level values): what the saved integration renders. */
  savedSample: TemplateContextInput;
  /** The sample the preview or test-send renders, with the person's edits and level values. */
  draftSample: TemplateContextInput;
}

/** Settings that decide where and how the SMTP password travels. */
const SMTP_TRANSPORT = ["SmtpHost", "SmtpPort", "SmtpSecure", "SmtpUser", "AllowInsecureTls", "DisableTls"];

function originOf(template: string, sample: TemplateContextInput, record: IntegrationRecord): string | null {
  try {
    const ctx = buildTemplateContext({ ...sample, variables: integrationVariables(record, sample.variables) });
    return new URL(renderTemplate(template, ctx).trim()).origin;
  } catch {
    return null;
  }
}

function sameAuth(a: HttpStep["auth"] | undefined, b: HttpStep["auth"]): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Every change in a draft that would send or render a saved secret into a destination or a
 * template other than the saved one: the URL's origin (by template text, by the variables it
 * reads, or as rendered for this sample), the auth settings, a template that reads the secret,
 * and for email the SMTP server and login. An empty list means the saved secrets may be used.
 */
export function secretReentryIssues(input: SecretReentryInput): SecretReentryIssue[] {
  const carried = new Set(input.carried);
  if (carried.size === 0) return [];
  const { saved, draft } = input;
  const savedValues = integrationVariables(saved, input.savedSample.variables);
  const draftValues = integrationVariables(draft, input.draftSample.variables);
  const issues: SecretReentryIssue[] = [];
  const reads = (src: string) => [...referencedVariables(src, carried)].filter((n) => carried.has(n));
  const changedValues = (names: Iterable<string>) =>
    [...names].filter((n) => !carried.has(n) && (ownEntry(savedValues, n) ?? "") !== (ownEntry(draftValues, n) ?? ""));

  if (getIntegrationDefinition(draft.type).transport === "smtp") {
    const inTemplates = new Set<string>();
    for (const messageType of MESSAGE_TYPES) {
      const plan = resolveMessagePlan(draft, messageType);
      const before = resolveMessagePlan(saved, messageType);
      if (plan.kind !== "email" || before.kind !== "email") continue;
      for (const field of ["subject", "html", "text"] as const) {
        const secrets = reads(plan.template[field]);
        secrets.forEach((s) => inTemplates.add(s));
        if (secrets.length > 0 && plan.template[field] !== before.template[field]) {
          issues.push({
            path: `customizations.email.${messageType}.${field}`,
            secrets,
            reason: "the template reads the secret and differs from the saved one",
          });
        }
      }
    }
    const password = carried.has("SmtpPassword") ? ["SmtpPassword"] : [];
    const guarded = [...password, ...inTemplates];
    if (guarded.length > 0) {
      const settings = inTemplates.size > 0 ? [...SMTP_TRANSPORT, "To", "From"] : SMTP_TRANSPORT;
      for (const name of changedValues(settings)) {
        issues.push({ path: `variables.${name}`, secrets: guarded, reason: "the mail server or login changed" });
      }
    }
    return merged(issues);
  }

  const savedDefinitions = activeStepDefinitions(saved).definitions;
  const { definitions, customized } = activeStepDefinitions(draft);
  for (const [d, definition] of definitions.entries()) {
    for (const [s, step] of definition.steps.entries()) {
      const base = `${customized ? "customizations.stepDefinitions" : "defaultSteps"}.${d}.steps.${s}`;
      const before = savedDefinitions[d]?.steps[s];
      const beforeFields = new Map(before ? stepFields(before) : []);
      const fields = stepFields(step);
      const used = [...new Set(fields.flatMap(([, src]) => reads(src)))];
      if (used.length === 0) continue;
      for (const [field, src] of fields) {
        const secrets = reads(src);
        if (secrets.length > 0 && beforeFields.get(field) !== src) {
          issues.push({
            path: `${base}.${field}`,
            secrets,
            reason: "the template reads the secret and differs from the saved one",
          });
        }
      }
      if (!sameAuth(before?.auth, step.auth)) {
        issues.push({ path: `${base}.auth`, secrets: used, reason: "the auth settings changed" });
      }
      const login = fields.filter(([field]) => field.startsWith("auth.")).map(([, src]) => src);
      for (const name of changedValues(login.flatMap((src) => [...referencedVariables(src, [])]))) {
        issues.push({ path: `variables.${name}`, secrets: used, reason: "the login changed" });
      }
      if (!before || before.url !== step.url) {
        issues.push({ path: `${base}.url`, secrets: used, reason: "the URL changed" });
        continue;
      }
      const changed = changedValues(referencedVariables(step.url, []));
      for (const name of changed) {
        issues.push({ path: `variables.${name}`, secrets: used, reason: "the URL's value changed" });
      }
      if (changed.length > 0) continue;
      // Same text, same values: the origin can still move with the sample alert (`{{@alert...}}`).
      const savedOrigin = originOf(before.url, input.savedSample, saved);
      const draftOrigin = originOf(step.url, input.draftSample, draft);
      if (savedOrigin !== draftOrigin) {
        issues.push({ path: `${base}.url`, secrets: used, reason: "the URL renders to another origin" });
      }
    }
  }
  return merged(issues);
}

/** One issue per field, however many steps share it (e.g. a variable several URLs read). */
function merged(issues: SecretReentryIssue[]): SecretReentryIssue[] {
  const byPath = new Map<string, SecretReentryIssue>();
  for (const issue of issues) {
    const seen = byPath.get(issue.path);
    if (seen) seen.secrets = [...new Set([...seen.secrets, ...issue.secrets])];
    else byPath.set(issue.path, { ...issue, secrets: [...issue.secrets] });
  }
  return [...byPath.values()];
}
