/**
 * Which failures are worth another attempt: the network, timeouts, 408, 429 (and Statuspage's
 * 420) and 5xx. Any other 4xx means the request itself is wrong and will stay wrong.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 420 || status === 429 || status >= 500;
}

export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}

/** `Retry-After` as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
