/** The interface languages. Message templates are never translated: only Alertflow's own texts. */
export const LOCALES = ["en", "fr", "nl"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** Set by the language switcher; it outranks the browser's Accept-Language. */
export const LOCALE_COOKIE = "alertflow-locale";
/** The browser's time zone, so server-rendered times match what the user's clock says. */
export const TIME_ZONE_COOKIE = "alertflow-tz";

export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français", nl: "Nederlands" };

export function isLocale(value: string | undefined | null): value is Locale {
  return LOCALES.some((locale) => locale === value);
}

/** Picks the best interface language from an Accept-Language header, honouring q-values. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { base: tag.toLowerCase().split("-")[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLocale) ?? DEFAULT_LOCALE;
}

/**
 * The interface language of a request: the profile's choice, else the switcher's cookie, else the
 * browser's Accept-Language.
 */
export function pickLocale(choice: {
  profile: Locale | null | undefined;
  cookie: string | undefined;
  acceptLanguage: string | null | undefined;
}): Locale {
  if (choice.profile) return choice.profile;
  return isLocale(choice.cookie) ? choice.cookie : negotiateLocale(choice.acceptLanguage);
}

/** A time zone the runtime knows, or undefined (a cookie is user input). */
export function validTimeZone(value: string | undefined): string | undefined {
  if (!value || value.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
