import "server-only";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, TIME_ZONE_COOKIE, isLocale, negotiateLocale, validTimeZone } from "~/core/i18n/locales";
import { loadMessages } from "~/core/i18n/messages";

// The locale comes from the user's choice (a cookie set by the switcher), else the browser.
export default getRequestConfig(async () => {
  const cookieStore = await cookies();
  const chosen = cookieStore.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get("accept-language"));
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: validTimeZone(cookieStore.get(TIME_ZONE_COOKIE)?.value) ?? "UTC",
  };
});
