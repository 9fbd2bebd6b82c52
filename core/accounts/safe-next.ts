/**
 * Where to go after signing in: only a path on this site. Anything else (another origin,
 * `//host`, `/\host`, a scheme) falls back, so a crafted link cannot send a user elsewhere.
 */
export function safeNextPath(next: string | null | undefined, fallback = "/flows"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  // Control characters (a tab or newline inside `/\t/host`) are dropped by URL parsers.
  if ([...next].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return fallback;
  return next;
}
