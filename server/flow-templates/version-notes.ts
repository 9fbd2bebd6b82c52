import { createTranslator } from "use-intl/core";
import type { Locale } from "~/core/i18n/locales";
import { loadMessages } from "~/core/i18n/messages";

/**
 * The notes Alertflow itself writes on a version it creates (a flow made from a template, a
 * template imported or copied from a link), in the language of the page that asked. They are
 * stored, so they stay in that language, like any note a person writes.
 */
export async function versionNotes(locale: Locale) {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "VersionNotes" });
  return {
    createdFromTemplate: (name: string, version: number) => t("createdFromTemplate", { name, version }),
    addedFromSharedLink: () => t("addedFromSharedLink"),
    importedFromFile: () => t("importedFromFile"),
  };
}
