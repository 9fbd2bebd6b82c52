import type { Locale } from "./locales";
import type en from "./messages/en.json";

export type Messages = typeof en;

/** Each language is its own chunk, so a page ships only the one it shows. */
const loaders: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: () => import("./messages/en.json"),
  fr: () => import("./messages/fr.json"),
  nl: () => import("./messages/nl.json"),
};

export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await loaders[locale]()).default;
}
