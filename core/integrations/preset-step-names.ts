import type { Locale } from "../i18n/locales";

type Translations = Record<Exclude<Locale, "en">, string>;

/**
 * The names Alertflow gives the steps of its presets, keyed by the English name the catalogue
 * uses. Names that are an API's own values (Splunk On-Call's CRITICAL, INFO, RECOVERY) stay.
 */
const STEP_NAMES: Record<string, Translations> = {
  "Send alert": { fr: "Envoyer l'alerte", nl: "Alert versturen" },
  "Post error": { fr: "Publier l'erreur", nl: "Fout plaatsen" },
  "Post reminder": { fr: "Publier le rappel", nl: "Herinnering plaatsen" },
  "Post ok": { fr: "Publier l'Ok", nl: "Ok plaatsen" },
  Trigger: { fr: "Déclencher", nl: "Activeren" },
  Resolve: { fr: "Résoudre", nl: "Oplossen" },
  "Create alert": { fr: "Créer l'alerte", nl: "Alert aanmaken" },
  "Close alert": { fr: "Fermer l'alerte", nl: "Alert sluiten" },
  "Create incident": { fr: "Créer l'incident", nl: "Incident aanmaken" },
  "Find incident": { fr: "Trouver l'incident", nl: "Incident zoeken" },
  "Resolve incident": { fr: "Résoudre l'incident", nl: "Incident oplossen" },
  "Service disruption": { fr: "Perturbation du service", nl: "Storing van de dienst" },
  "Operating normally": { fr: "Fonctionnement normal", nl: "Normale werking" },
  "Set outage": { fr: "Signaler la panne", nl: "Storing melden" },
  "Set operational": { fr: "Remettre en service", nl: "Operationeel zetten" },
  "Send error SMS": { fr: "Envoyer le SMS d'erreur", nl: "Fout-sms versturen" },
  "Send reminder SMS": { fr: "Envoyer le SMS de rappel", nl: "Herinnerings-sms versturen" },
  "Send ok SMS": { fr: "Envoyer le SMS Ok", nl: "Ok-sms versturen" },
  "Call (error)": { fr: "Appel (erreur)", nl: "Oproep (fout)" },
  "Call (reminder)": { fr: "Appel (rappel)", nl: "Oproep (herinnering)" },
};

/**
 * A preset step's name in `locale`. Only for names Alertflow wrote (a type's defaults, or a preset
 * being created): a name a person typed is shown as typed, even when it reads like one of these.
 */
export function presetStepName(name: string, locale: Locale): string {
  if (locale === "en") return name;
  return Object.hasOwn(STEP_NAMES, name) ? (STEP_NAMES[name]?.[locale] ?? name) : name;
}
