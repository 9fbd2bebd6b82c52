import "server-only";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, TIME_ZONE_COOKIE, pickLocale, validTimeZone } from "~/core/i18n/locales";
import { loadMessages } from "~/core/i18n/messages";
import { requestProfileLocale } from "./profile-locale";

export default getRequestConfig(async () => {
  const cookieStore = await cookies();
  const locale = pickLocale({
    profile: await requestProfileLocale(),
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: (await headers()).get("accept-language"),
  });
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: validTimeZone(cookieStore.get(TIME_ZONE_COOKIE)?.value) ?? "UTC",
  };
});
