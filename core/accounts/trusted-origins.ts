const LOOPBACK_TWIN: Record<string, string> = { localhost: "127.0.0.1", "127.0.0.1": "localhost" };

/**
 * Origins that cookie-authenticated requests may come from: the public URL's, and on a loopback
 * address its twin (localhost ⇄ 127.0.0.1), since a developer opens either.
 */
export function trustedOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const origins = [url.origin];
  const twin = LOOPBACK_TWIN[url.hostname];
  if (twin) {
    url.hostname = twin;
    origins.push(url.origin);
  }
  return origins;
}
