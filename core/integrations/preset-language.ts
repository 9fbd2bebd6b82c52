import type { Locale } from "../i18n/locales";
import { emailTemplatesIn } from "./catalogue/email";
import { inboxMessagesIn } from "./catalogue/inbox";
import { opsgenieStepDefinitionsIn } from "./catalogue/opsgenie";
import { pagerdutyStepDefinitionsIn } from "./catalogue/pagerduty";
import { phoneStepDefinitionsIn } from "./catalogue/phone";
import { servicenowStepDefinitionsIn } from "./catalogue/servicenow";
import { slackStepDefinitionsIn } from "./catalogue/slack";
import { smsStepDefinitionsIn } from "./catalogue/sms";
import { splunkOnCallStepDefinitionsIn } from "./catalogue/splunk-oncall";
import { statushubStepDefinitionsIn } from "./catalogue/statushub";
import { teamsStepDefinitionsIn } from "./catalogue/teams";
import type { IntegrationCustomizations, StepDefinition } from "./customizations-schema";
import type { IntegrationType } from "./integration-types";
import { presetStepName } from "./preset-step-names";
import { PRESET_WORDS, type PresetWords } from "./preset-words";

/**
 * The built-in presets whose default messages are written in words, and so come in each language:
 * the chat, mail and inbox messages, the spoken call, and the summaries, notes and labels of the incident tools. Presets
 * that send only values (webhook's every variable, AlertOps, Statuspage) have nothing to word.
 */
export const PRESET_LANGUAGE_TYPES = [
  "email",
  "inbox",
  "slack",
  "teams",
  "sms",
  "phone",
  "pagerduty",
  "opsgenie",
  "servicenow",
  "splunk-oncall",
  "statushub",
] as const satisfies readonly IntegrationType[];
type LanguagePreset = (typeof PRESET_LANGUAGE_TYPES)[number];

export const offersPresetLanguage = (type: string): type is LanguagePreset =>
  PRESET_LANGUAGE_TYPES.some((candidate) => candidate === type);

const STEP_PRESETS: Record<Exclude<LanguagePreset, "email" | "inbox">, (w: PresetWords) => StepDefinition[]> = {
  slack: slackStepDefinitionsIn,
  teams: teamsStepDefinitionsIn,
  sms: smsStepDefinitionsIn,
  phone: phoneStepDefinitionsIn,
  pagerduty: pagerdutyStepDefinitionsIn,
  opsgenie: opsgenieStepDefinitionsIn,
  servicenow: servicenowStepDefinitionsIn,
  "splunk-oncall": splunkOnCallStepDefinitionsIn,
  statushub: statushubStepDefinitionsIn,
};

/** The steps named in `locale` too: names stored with a preset are Alertflow's words. */
const namedIn = (definitions: StepDefinition[], locale: Locale): StepDefinition[] =>
  definitions.map((d) => ({ ...d, steps: d.steps.map((s) => ({ ...s, name: presetStepName(s.name, locale) })) }));

/**
 * A new integration's messages in `locale`, as customizations it starts with: from then on they
 * are the person's own texts, shown and sent exactly as stored and never translated again.
 * English is the type's built-in default and needs none (undefined), so later improvements to the
 * defaults still reach it; a type without worded defaults (webhook JSON, AlertOps) has none either.
 */
export function presetLanguageCustomizations(type: string, locale: Locale): IntegrationCustomizations | undefined {
  if (locale === "en" || !offersPresetLanguage(type)) return undefined;
  const words = PRESET_WORDS[locale];
  if (type === "email") return { email: emailTemplatesIn(words) };
  if (type === "inbox") return { email: inboxMessagesIn(words) };
  return { stepDefinitions: namedIn(STEP_PRESETS[type](words), locale) };
}
