import "server-only";
import { eq } from "drizzle-orm";
import { createTranslator } from "use-intl/core";
import { LOCALE_COOKIE, isLocale, pickLocale, type Locale } from "~/core/i18n/locales";
import { loadMessages } from "~/core/i18n/messages";
import type { Db } from "~/db/client";
import { users } from "~/db/schema";

const cookieValue = (cookieHeader: string | null, name: string): string | undefined =>
  cookieHeader
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);

/**
 * The language of a mail about an account: the profile's choice, else the language the request
 * that asked for it was made in (the switcher's cookie, then the browser), as the pages are.
 */
export async function mailLocale(db: Db, userId: string, request: { headers: Headers } | undefined): Promise<Locale> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  const profile = row?.locale;
  const headers = request?.headers;
  return pickLocale({
    profile: isLocale(profile) ? profile : null,
    cookie: cookieValue(headers?.get("cookie") ?? null, LOCALE_COOKIE),
    acceptLanguage: headers?.get("accept-language"),
  });
}

/** The password-reset mail in `locale`; the link is the one better-auth made. */
export async function resetPasswordMail(locale: Locale, { email, url }: { email: string; url: string }) {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "AccountMail" });
  return {
    subject: t("resetSubject"),
    text: t("resetText", { email, url }),
  };
}
