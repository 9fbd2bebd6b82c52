/**
 * True when a request path holds a percent-escape that is not UTF-8 (`/runs/%ff`). Next.js fails
 * to decode such a path's dynamic segment with a bare 500; the proxy answers 400 first.
 */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
