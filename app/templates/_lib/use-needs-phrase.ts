"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";

/**
 * "a Slack integration", "une intégration Slack", "een Slack-integratie": what a template's
 * placeholder needs, in the page's language (the server's `needs` is English).
 */
export function useNeedsPhrase() {
  const t = useTranslations("TemplateNeeds");
  // Stable while the language is, so canvases memoized on it are not rebuilt on every render.
  return useMemo(() => needsPhraseWith(t), [t]);
}

/** The same, for any translator of `TemplateNeeds` (tests pass one per language). */
export function needsPhraseWith(t: ReturnType<typeof useTranslations<"TemplateNeeds">>) {
  return {
    needs: ({ typeLabel }: { typeLabel: string }) =>
      t("needs", {
        type: typeLabel,
        // English "an" before a vowel sound: a vowel, or an acronym read letter by letter ("an SMS").
        vowel: /^[aeiou]/i.test(typeLabel) || /^[FHLMNRSX][A-Z]/.test(typeLabel) ? "yes" : "no",
        // A type named "… integration" is not called an "… integration integration".
        named: /integration/i.test(typeLabel) ? "yes" : "no",
      }),
    chosenOnUse: (typeLabel: string) => t("chosenOnUse", { type: typeLabel }),
  };
}
