const ALERT_PATH = /^\/api\/alerts\/([^/]+)$/;

/**
 * The endpoint token of `POST /api/alerts/<token>` (decoded, as Next.js hands a route its
 * segment), or null for any other request. A path whose %-escapes do not decode is not an alert
 * request: the caller answers it as a malformed path.
 */
export function alertToken(method: string, pathname: string): string | null {
  if (method !== "POST") return null;
  const segment = ALERT_PATH.exec(pathname)?.[1];
  if (segment === undefined) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
