/**
 * Where a browser says a request came from: "same-origin" when it names one of the trusted
 * origins, "cross-site" when it names another, "unknown" when it says nothing (a non-browser
 * client, or a very old browser).
 */
export type Provenance = "same-origin" | "cross-site" | "unknown";

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * Reads `Origin` first; a page served with `Referrer-Policy: no-referrer` makes the browser send
 * `Origin: null` on its own form posts, so then `Sec-Fetch-Site` decides, and `Referer` last
 * (browsers that predate Fetch Metadata).
 */
export function requestProvenance(headers: Headers, trustedOrigins: readonly string[]): Provenance {
  const origin = headers.get("origin");
  if (origin && origin !== "null") return trustedOrigins.includes(origin) ? "same-origin" : "cross-site";
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin" ? "same-origin" : "cross-site";
  if (origin === "null") return "cross-site";
  const referer = headers.get("referer");
  if (referer) {
    const from = originOf(referer);
    return from !== null && trustedOrigins.includes(from) ? "same-origin" : "cross-site";
  }
  return "unknown";
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request must be refused as a cross-site request forgery: it changes state, rides on
 * the browser's cookies (an `Authorization: Bearer` token is never sent by a browser on its own,
 * and a request without cookies carries no one's session), and the browser does not vouch that
 * it came from the app's own pages.
 */
export function isForgeable(method: string, headers: Headers, trustedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (/^bearer\s/i.test(headers.get("authorization") ?? "")) return false;
  if (!headers.get("cookie")) return false;
  return requestProvenance(headers, trustedOrigins) !== "same-origin";
}
