import { readTemplateDocument } from "../read-template";
import type { FlowTemplateDocument } from "../template-document";
import { alertmanagerTeamRouting } from "./alertmanager-team-routing";
import { businessHoursEmail } from "./business-hours-email";
import type { BuiltinTemplate } from "./layout";
import { pagerdutyResolve } from "./pagerduty-resolve";
import { slackFallbackEmail } from "./slack-fallback-email";
import { slackPagerdutySms } from "./slack-pagerduty-sms";
import { statusPageOutage } from "./status-page-outage";
import { uptrendsThreeLevels } from "./uptrends-three-levels";
import { webhookEveryVariable } from "./webhook-every-variable";

/** In gallery order: the common escalations first, then the special-purpose ones. */
export const BUILTIN_TEMPLATE_DEFINITIONS: readonly BuiltinTemplate[] = [
  slackPagerdutySms,
  uptrendsThreeLevels,
  pagerdutyResolve,
  slackFallbackEmail,
  statusPageOutage,
  businessHoursEmail,
  alertmanagerTeamRouting,
  webhookEveryVariable,
];

export interface ReadBuiltinTemplate {
  key: string;
  document: FlowTemplateDocument;
}

let cache: readonly ReadBuiltinTemplate[] | undefined;

/**
 * The built-ins, read through the same checks as an imported file. A broken built-in is a
 * programming error (its test fails first), so it throws here rather than hiding from the gallery.
 */
export function builtinTemplates(): readonly ReadBuiltinTemplate[] {
  cache ??= BUILTIN_TEMPLATE_DEFINITIONS.map(({ key, document }) => {
    const read = readTemplateDocument(document);
    if (!read.ok) throw new Error(`Built-in template "${key}" is invalid: ${read.issues[0]?.message ?? ""}`);
    return { key, document: read.value };
  });
  return cache;
}

export function findBuiltinTemplate(key: string): ReadBuiltinTemplate | undefined {
  return builtinTemplates().find((t) => t.key === key);
}
