import { LOCALES, LOCALE_NAMES } from "~/core/i18n/locales";

/**
 * One `<option>` per interface language, each named in its own language, so a reader who does not
 * understand the current one still finds theirs: the header's switcher, the account's language
 * and a preset's language list the same languages the same way.
 */
export function LocaleOptions() {
  return (
    <>
      {LOCALES.map((code) => (
        <option key={code} value={code} lang={code}>
          {LOCALE_NAMES[code]}
        </option>
      ))}
    </>
  );
}
