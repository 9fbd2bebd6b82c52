// use-intl/core, not next-intl: the launcher (scripts/start.ts, run with the react-server
// condition) loads this outside Next, where next-intl's react-server entry pulls in React client
// hooks that plain Node's react-server React does not have, and `npm start` died on the import.
import { createTranslator } from "use-intl/core";
import type { Locale } from "~/core/i18n/locales";
import { loadMessages } from "~/core/i18n/messages";

/** Short enough to watch: the reminder comes 15 s after the Error. */
export const DEMO_REMINDER_SECONDS = 15;

/** The demo's names and texts in one language (core/i18n/messages: `Demo`). */
export interface DemoWords {
  flowName: string;
  description: string;
  trigger: string;
  level: string;
  levelMessage: string;
  inbox: string;
  publishNote: string;
}

export async function demoWords(locale: Locale): Promise<DemoWords> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "Demo" });
  return {
    flowName: t("flowName"),
    description: t("description", { seconds: DEMO_REMINDER_SECONDS }),
    trigger: t("trigger"),
    level: t("level"),
    levelMessage: t("levelMessage"),
    inbox: t("inbox"),
    publishNote: t("publishNote"),
  };
}
