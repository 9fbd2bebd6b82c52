import { domainRefusal } from "~/core/domain-error";
import { getIntegrationDefinition } from "~/core/integrations/registry";
import { secretReentryIssues } from "~/core/integrations/secret-reentry";
import type { ResolvedDraft } from "./integration-draft";
import { sampleInput, type SampleOptions } from "./sample-input";

/**
 * Refuses a preview or test-send that would carry a saved secret into a destination or template
 * other than the saved one (400, naming the field): the person must type the secret again, so
 * only someone who knows it can point it somewhere new.
 */
export function assertSavedSecretsStayPut(resolved: ResolvedDraft, options: SampleOptions, fieldPrefix = "draft.") {
  if (!resolved.saved || resolved.carried.length === 0 || !resolved.record.customizations) return;
  const found = secretReentryIssues({
    saved: resolved.saved,
    draft: resolved.record,
    carried: resolved.carried,
    savedSample: sampleInput({ messageType: options.messageType, levelVariables: {} }),
    draftSample: sampleInput(options),
  });
  if (found.length === 0) return;
  const labels = new Map(getIntegrationDefinition(resolved.record.type).variables.map((v) => [v.name, v.label]));
  const name = (secret: string) => (labels.has(secret) ? `${labels.get(secret)} (${secret})` : secret);
  const issues = found.map((issue) => {
    // A per-level value the caller supplied is a field of the request, not of the draft.
    const level = issue.path.startsWith("variables.") && options.levelVariables[issue.path.slice(10)];
    const path = level ? `levelVariables.${issue.path.slice(10)}` : `${fieldPrefix}${issue.path}`;
    return {
      code: "SECRET_REENTRY_REQUIRED",
      path,
      secrets: issue.secrets,
      message: `Type ${issue.secrets.map(name).join(", ")} again: ${issue.reason} (${path})`,
    };
  });
  const first = issues[0];
  throw domainRefusal(
    "INVALID_INPUT",
    `${first?.message ?? "Type the secrets again"}. A saved secret is only sent where it was saved to go.`,
    "secretReentry",
    { secrets: (first?.secrets ?? []).join(", "), path: first?.path ?? "" },
    { issues },
  );
}
