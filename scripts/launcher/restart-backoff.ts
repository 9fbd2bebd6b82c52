export interface BackoffPolicy {
  /** Delay before the first restart. */
  initialMs: number;
  /** Ceiling for the doubling delay. */
  maxMs: number;
  /** A run that lasted this long counts as healthy: the next crash starts again from `initialMs`. */
  healthyAfterMs: number;
}

export const WORKER_BACKOFF: BackoffPolicy = { initialMs: 1000, maxMs: 30_000, healthyAfterMs: 60_000 };

/**
 * How long to wait before restarting a process that just exited, given how many restarts in a
 * row came before and how long it ran: doubling up to a ceiling, so a crash loop (database gone,
 * bad configuration) does not spin, and reset after a healthy run.
 */
export function restartDelay(
  policy: BackoffPolicy,
  previous: { consecutive: number; ranMs: number },
): { delayMs: number; consecutive: number } {
  const consecutive = previous.ranMs >= policy.healthyAfterMs ? 0 : previous.consecutive;
  const delayMs = Math.min(policy.maxMs, policy.initialMs * 2 ** consecutive);
  return { delayMs, consecutive: consecutive + 1 };
}
