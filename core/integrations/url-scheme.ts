import type { IntegrationCustomizations } from "./customizations-schema";

/**
 * URL fields hold only http and https addresses. A `javascript:`, `file:`, `data:` or `ftp:`
 * address would be refused at send anyway; refusing it at save names the field while the person
 * is still looking at it, and keeps such text out of everything that shows or exports it.
 */

/** Catalogue variables holding a URL are named `…Url` (ApiUrl, WebhookUrl, InstanceUrl…); a test keeps it so. */
export const isUrlVariableName = (name: string) => /Url$/.test(name);

export interface UrlProblem {
  /** `scheme`: a scheme other than http(s); `invalid`: not an absolute URL at all. */
  kind: "scheme" | "invalid";
  /** The refused scheme, lower-case, with its colon (`javascript:`); empty for `invalid`. */
  scheme: string;
  message: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Drops leading C0 controls and spaces (U+0000–U+0020), as the WHATWG URL parser does. */
function dropLeadingControls(text: string): string {
  let start = 0;
  while (start < text.length && text.charCodeAt(start) <= 0x20) start++;
  return text.slice(start);
}

/**
 * What is wrong with a URL field's text, or null. A template (`{{ApiUrl}}/x`) is judged by the
 * literal text before its first variable: a scheme written there must be http(s); a scheme that
 * comes from a variable is checked on that variable. `complete` also refuses template-free text
 * that is not an absolute URL (save time); without it, half-typed text passes (live previews).
 */
export function urlProblem(text: string, { complete = true }: { complete?: boolean } = {}): UrlProblem | null {
  const [literal = ""] = text.split("{{");
  // As URL parsers and browsers read it: leading controls and spaces dropped, tabs and newlines
  // removed anywhere, so "\tjava\nscript:" is javascript:.
  const read = dropLeadingControls(literal.replace(/[\t\n\r]/g, ""));
  const scheme = SCHEME.exec(read)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") {
    return {
      kind: "scheme",
      scheme: `${scheme}:`,
      message: `must be an http or https URL, not ${scheme}:`,
    };
  }
  if (!complete || text.includes("{{") || text.trim() === "") return null;
  if (scheme === undefined || !URL.canParse(text.trim())) {
    return { kind: "invalid", scheme: "", message: "must be an absolute http or https URL (https://…)" };
  }
  return null;
}

export interface UrlFieldIssue {
  /** `variables.ApiUrl`, `secrets.WebhookUrl`, `stepDefinitions.0.steps.1.url` */
  path: string;
  message: string;
}

/** Every URL field of an integration's values and customizations that is not http(s). */
export function integrationUrlIssues(
  input: {
    variables?: Readonly<Record<string, string>>;
    secrets?: Readonly<Record<string, string>>;
    customizations?: IntegrationCustomizations | null;
  },
  options: { complete?: boolean } = {},
): UrlFieldIssue[] {
  const issues: UrlFieldIssue[] = [];
  const values = (group: string, record: Readonly<Record<string, string>> | undefined) => {
    for (const [name, value] of Object.entries(record ?? {})) {
      if (!isUrlVariableName(name)) continue;
      const problem = urlProblem(value, options);
      // The message never repeats the value: a secret URL carries its token.
      if (problem) issues.push({ path: `${group}.${name}`, message: `${name} ${problem.message}` });
    }
  };
  values("variables", input.variables);
  values("secrets", input.secrets);
  for (const [d, definition] of (input.customizations?.stepDefinitions ?? []).entries()) {
    for (const [s, step] of definition.steps.entries()) {
      const problem = urlProblem(step.url, options);
      const path = `stepDefinitions.${d}.steps.${s}.url`;
      if (problem) issues.push({ path, message: `${path}: the step URL ${problem.message}` });
    }
  }
  return issues;
}
