import type { Locale } from "../i18n/locales";
import { emailTemplatesIn } from "./catalogue/email";
import { slackStepDefinitionsIn } from "./catalogue/slack";
import { smsStepDefinitionsIn } from "./catalogue/sms";
import { teamsStepDefinitionsIn } from "./catalogue/teams";
import type { IntegrationCustomizations } from "./customizations-schema";
import type { IntegrationType } from "./integration-types";
import { PRESET_WORDS } from "./preset-words";

/** The built-in presets whose default messages are written in words, and so come in each language. */
export const PRESET_LANGUAGE_TYPES = ["email", "slack", "teams", "sms"] as const satisfies readonly IntegrationType[];
type LanguagePreset = (typeof PRESET_LANGUAGE_TYPES)[number];

export const offersPresetLanguage = (type: string): type is LanguagePreset =>
  PRESET_LANGUAGE_TYPES.some((candidate) => candidate === type);

/**
 * A new integration's messages in `locale`, as customizations it starts with: from then on they
 * are the person's own texts, shown and sent exactly as stored and never translated again.
 * English is the type's built-in default and needs none (undefined), so later improvements to the
 * defaults still reach it; a type without worded defaults (webhook JSON, PagerDuty) has none either.
 */
export function presetLanguageCustomizations(type: string, locale: Locale): IntegrationCustomizations | undefined {
  if (locale === "en" || !offersPresetLanguage(type)) return undefined;
  const words = PRESET_WORDS[locale];
  switch (type) {
    case "email":
      return { email: emailTemplatesIn(words) };
    case "slack":
      return { stepDefinitions: slackStepDefinitionsIn(words) };
    case "teams":
      return { stepDefinitions: teamsStepDefinitionsIn(words) };
    case "sms":
      return { stepDefinitions: smsStepDefinitionsIn(words) };
  }
}
