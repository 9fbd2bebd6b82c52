import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { COOKIE_PREFIX } from "~/core/accounts/session-cookie";
import { isMalformedPath } from "~/core/http/malformed-path";
import { contentSecurityPolicy, newNonce } from "~/core/http/security-headers";

/** Pages anyone may open: signing in, first-run setup, invitation, signed ack and shared-template links. */
const PUBLIC_PAGES = [
  "/ack/",
  "/sign-in",
  "/sign-up",
  "/setup",
  "/forgot-password",
  "/reset-password",
  "/invite/",
  "/share/",
];
const isPublicPage = (pathname: string) =>
  PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(p.endsWith("/") ? p : `${p}/`));

const CSP = "Content-Security-Policy";

/**
 * Passes the request on with a fresh nonce in its policy: Next.js reads the nonce from the
 * request's Content-Security-Policy and puts it on its scripts; the layout reads `x-nonce`.
 */
function withNonce(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ development: process.env.NODE_ENV === "development", nonce });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set(CSP, policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(CSP, policy);
  return response;
}

/**
 * A page request without a session cookie goes straight to sign-in, before anything renders.
 * Only the cookie's presence is checked here; every tRPC call checks the session itself.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isMalformedPath(pathname)) {
    return NextResponse.json({ error: "bad_path", message: "The address holds an invalid %-escape" }, { status: 400 });
  }
  if (pathname.startsWith("/api/")) {
    const response = NextResponse.next();
    response.headers.set(CSP, contentSecurityPolicy({ development: process.env.NODE_ENV === "development" }));
    return response;
  }
  if (isPublicPage(pathname) || getSessionCookie(request, { cookiePrefix: COOKIE_PREFIX })) return withNonce(request);
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Not for Next's own assets.
  matcher: ["/((?!_next/|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};
