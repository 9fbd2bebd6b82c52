"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { IntegrationType } from "~/core/integrations/integration-types";
import { useCatalogueText } from "~/app/integrations/_lib/use-catalogue-text";

/** What a phrase needs of a placeholder: its type, and the server's (English) name for it. */
interface NeededType {
  integrationType: IntegrationType;
  typeLabel: string;
}

/**
 * "a Slack integration", "une intégration Slack", "een Slack-integratie": what a template's
 * placeholder needs, in the page's language (the server's `needs` and type names are English).
 */
export function useNeedsPhrase() {
  const t = useTranslations("TemplateNeeds");
  const text = useCatalogueText();
  // Stable while the language is, so canvases memoized on it are not rebuilt on every render.
  return useMemo(
    () => needsPhraseWith(t, (p) => text.typeLabel({ type: p.integrationType, label: p.typeLabel })),
    [t, text],
  );
}

/** A type named "… integration" (or "Intégration …", "…-integratie") is not an "integration integration". */
const NAMED_INTEGRATION = /integration|intégration|integratie/i;

/** The same, for any translator of `TemplateNeeds` and of type names (tests pass one per language). */
export function needsPhraseWith(
  t: ReturnType<typeof useTranslations<"TemplateNeeds">>,
  typeLabel: (p: NeededType) => string = (p) => p.typeLabel,
) {
  return {
    /** The type's name in the page's language ("Boîte de réception Alertflow"). */
    typeLabel,
    needs: (p: NeededType) => {
      const label = typeLabel(p);
      return t("needs", {
        type: label,
        // English "an" before a vowel sound: a vowel, or an acronym read letter by letter ("an SMS").
        vowel: /^[aeiou]/i.test(label) || /^[FHLMNRSX][A-Z]/.test(label) ? "yes" : "no",
        named: NAMED_INTEGRATION.test(label) ? "yes" : "no",
      });
    },
    chosenOnUse: (p: NeededType) => t("chosenOnUse", { type: typeLabel(p) }),
  };
}
