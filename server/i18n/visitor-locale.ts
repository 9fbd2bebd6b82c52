import "server-only";
import { eq } from "drizzle-orm";
import { LOCALE_COOKIE, isLocale, pickLocale, type Locale } from "~/core/i18n/locales";
import type { Db } from "~/db/client";
import { users } from "~/db/schema";

const cookieValue = (cookieHeader: string | null, name: string): string | undefined =>
  cookieHeader
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);

/**
 * The language of a page rendered outside next-intl (the acknowledge link page): the signed-in
 * visitor's profile, else the switcher's cookie, else the browser.
 */
export async function visitorLocale(db: Db, userId: string | null, headers: Headers): Promise<Locale> {
  const [row] = userId ? await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)) : [];
  return pickLocale({ profile: isLocale(row?.locale) ? row.locale : null, ...headerChoices(headers) });
}

const headerChoices = (headers: Headers) => ({
  cookie: cookieValue(headers.get("cookie"), LOCALE_COOKIE),
  acceptLanguage: headers.get("accept-language"),
});

/** The visitor's language from the request alone (switcher's cookie, else browser), when the profile cannot be read. */
export const headerLocale = (headers: Headers): Locale => pickLocale({ profile: null, ...headerChoices(headers) });
