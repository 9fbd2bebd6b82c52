import type { Locale } from "~/core/i18n/locales";
import type { PreviewStep } from "~/core/integrations/preview-message";
import { presetStepName } from "~/core/integrations/preset-step-names";

/** The page's words for the parts of a message that have no name of their own. */
export interface StepWords {
  numbered: (number: number) => string;
  email: string;
  inbox: string;
}

/**
 * A preview step's name as the page shows it: what the person typed, as typed; a type's own
 * default names and Alertflow's fallbacks ("Step 2", "Email", "Inbox") in the page's language.
 */
export function stepName(step: PreviewStep, locale: Locale, words: StepWords): string {
  if (step.kind === "email") return words.email;
  if (step.kind === "inbox") return words.inbox;
  if (step.name === "") return words.numbered(step.number);
  return step.builtIn ? presetStepName(step.name, locale) : step.name;
}
