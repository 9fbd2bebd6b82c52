/**
 * Exponential backoff with full jitter, never sooner than the receiver's Retry-After.
 * attempt is 1-based: the delay before attempt + 1.
 */
export function retryDelayMs(
  attempt: number,
  random: () => number,
  retryAfterMs?: number,
  baseMs = 1000,
  capMs = 5 * 60_000,
): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(exp / 2 + (random() * exp) / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Parses Retry-After as delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
