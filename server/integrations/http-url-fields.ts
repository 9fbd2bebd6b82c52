import { domainRefusal } from "~/core/domain-error";
import { customizationsSchema } from "~/core/integrations/customizations-schema";
import type { IntegrationCustomizations } from "~/core/integrations/customizations-schema";
import type { IntegrationDraftInput } from "~/core/integrations/integration-inputs";
import { integrationUrlIssues } from "~/core/integrations/url-scheme";

interface UrlFields {
  variables?: Readonly<Record<string, string>>;
  secrets?: Readonly<Record<string, string>>;
  customizations?: IntegrationCustomizations | null;
}

/**
 * Refuses (400, naming each field) URL fields that are not http(s). `complete` (save) also
 * refuses text that is no absolute URL; previews and test-sends refuse only a foreign scheme,
 * since the editor previews while a person is still typing.
 */
export function assertHttpUrlFields(fields: UrlFields, { complete = true }: { complete?: boolean } = {}) {
  const issues = integrationUrlIssues(fields, { complete });
  const [first] = issues;
  if (!first) return;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  throw domainRefusal(
    "INVALID_INPUT",
    `${first.message}${more}`,
    "urlNotHttp",
    { path: first.path, more: issues.length - 1 },
    { issues: issues.map((issue) => ({ code: "url", ...issue })) },
  );
}

/** The same for an editor's unsaved draft and the level values of a preview or test-send. */
export function assertDraftUrlFields(input: {
  draft?: IntegrationDraftInput;
  levelVariables?: Record<string, string>;
}) {
  const { draft } = input;
  const parsed = draft ? customizationsSchema.safeParse(draft.customizations) : undefined;
  assertHttpUrlFields(
    {
      // A per-level value stands where the integration's own would: it is checked the same way.
      variables: { ...draft?.variables, ...input.levelVariables },
      secrets: draft?.secrets,
      customizations: parsed?.success ? parsed.data : null,
    },
    { complete: false },
  );
}
