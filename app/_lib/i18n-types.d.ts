import type { Locale } from "~/core/i18n/locales";
import type { Messages } from "~/core/i18n/messages";

// Keys are type-checked: a t("…") call with a key English lacks fails the typecheck.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
