/**
 * How a message that fails is retried, decided here and nowhere else: which answers are worth
 * another attempt, how many attempts, how long between them, and how far a receiver's
 * `Retry-After` is honoured. The workflow gives these numbers to Temporal; the deliver activity
 * computes each wait from them.
 */
export const deliveryRetryPolicy = {
  /** Attempts at one message, the first included; a failure on the last one is final. */
  maxAttempts: 6,
  /**
   * Temporal's limit on tries of the activity. Higher than maxAttempts because a try that found
   * the database unreachable sent nothing and does not count as an attempt at the message: with
   * Temporal's doubling waits capped at maxIntervalMs, these ride out about an hour of outage.
   */
  activityMaxAttempts: 20,
  /** Temporal's limit on one attempt: every step, redirect and digest challenge included. */
  attemptTimeoutMs: 30_000,
  /** The first wait; each later one doubles, with full jitter over its upper half. */
  initialIntervalMs: 1_000,
  /** No wait is longer, not even one a receiver asks for with `Retry-After`. */
  maxIntervalMs: 5 * 60_000,
} as const;

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

/**
 * `Retry-After` as delta-seconds or an HTTP date, in milliseconds from `nowMs`; undefined when
 * absent or unreadable. What the receiver asked for, uncapped: `retryWait` applies the policy.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP date names its day and zone; Date.parse alone would also take "-5" for a year.
  const at = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

export interface RetryWait {
  delayMs: number;
  /** The receiver's `Retry-After` when it asked for longer than the policy allows. */
  cappedRetryAfterMs?: number;
}

/**
 * The wait before attempt `attempt + 1` (attempt is 1-based): exponential backoff with jitter,
 * never sooner than the receiver's `Retry-After`, never longer than the policy's maximum.
 */
export function retryWait(attempt: number, random: () => number, retryAfterMs?: number): RetryWait {
  const { initialIntervalMs, maxIntervalMs } = deliveryRetryPolicy;
  const window = Math.min(maxIntervalMs, initialIntervalMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(window / 2 + (random() * window) / 2);
  if (retryAfterMs !== undefined && retryAfterMs > maxIntervalMs) {
    return { delayMs: maxIntervalMs, cappedRetryAfterMs: retryAfterMs };
  }
  return { delayMs: Math.max(jittered, retryAfterMs ?? 0) };
}

/** Said in the delivery's error, so the run shows why it did not wait as long as asked. */
export function describeRetryCap(wait: RetryWait): string | null {
  if (wait.cappedRetryAfterMs === undefined) return null;
  return `Retry-After asked for ${Math.round(wait.cappedRetryAfterMs / 1000)} s; retrying in ${Math.round(
    wait.delayMs / 1000,
  )} s, the longest wait the retry policy allows`;
}

/** The same note as values (whole seconds), for pages to word it in their language. */
export function retryCapValues(wait: RetryWait): { askedSeconds: number; waitSeconds: number } | null {
  if (wait.cappedRetryAfterMs === undefined) return null;
  return { askedSeconds: Math.round(wait.cappedRetryAfterMs / 1000), waitSeconds: Math.round(wait.delayMs / 1000) };
}
