import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { COOKIE_PREFIX } from "~/core/accounts/session-cookie";
import { isLocale, type Locale } from "~/core/i18n/locales";
import type { Auth } from "../auth/auth";
import { getAuth } from "../auth/app-auth";
import { isConnectionError } from "~/db/connection-retry";

/** What the signed-in user chose on their profile: a language, null (follow the browser), or undefined when signed out. */
export type ProfileLocale = Locale | null | undefined;

const hasSessionCookie = (cookieHeader: string | null) =>
  cookieHeader !== null && cookieHeader.includes(`${COOKIE_PREFIX}.session_token=`);

/**
 * The profile language of whoever sent these headers. better-auth's session lookup brings the
 * user row (the locale is one of its fields), so it costs one indexed query; signed-out requests
 * (no session cookie) make none.
 */
export async function profileLocaleFor(auth: Auth, requestHeaders: Headers): Promise<ProfileLocale> {
  if (!hasSessionCookie(requestHeaders.get("cookie"))) return undefined;
  const session = await auth.api.getSession({ headers: requestHeaders, query: { disableRefresh: true } });
  if (!session) return undefined;
  const chosen = session.user.locale;
  return isLocale(chosen) ? chosen : null;
}

/** The request's profile language, looked up once however many components ask. */
export const requestProfileLocale = cache(async (): Promise<ProfileLocale> => {
  try {
    return await profileLocaleFor(getAuth(), new Headers(await headers()));
  } catch (error) {
    // During a database outage the page still renders (in the cookie's or browser's language)
    // and says "database unavailable, retrying" instead of failing as a whole.
    if (isConnectionError(error)) return undefined;
    throw error;
  }
});
