/**
 * Telling a lost or refused database connection apart from a statement Postgres rejected: the
 * first is worth trying again in a moment, the second will fail the same way every time.
 */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // SQLSTATE class 08: connection exception.
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  // admin_shutdown (pg_terminate_backend, a restart), crash_shutdown, cannot_connect_now.
  "57P01",
  "57P02",
  "57P03",
  // too_many_connections; a database closed to connections (ALLOW_CONNECTIONS false).
  "53300",
  "55000",
]);

const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i;

/** True when `error` (or what it wraps: drizzle puts the pg error in `cause`) is a connection failure. */
export function isConnectionError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = "code" in e && typeof e.code === "string" ? e.code : undefined;
    if (code && CONNECTION_CODES.has(code)) return true;
    if (CONNECTION_MESSAGES.test(e.message)) return true;
  }
  return false;
}

export interface RetryOptions {
  /** Give up (rethrow the last error) once this much time has gone by. */
  budgetMs: number;
  /** The first pause; each later one doubles, up to two seconds. */
  initialDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `operation` again while it fails on the connection, for up to `budgetMs`. Only for
 * operations that are safe to repeat (an upsert, an update by id): a connection lost after the
 * statement ran looks the same as one lost before.
 */
export async function withConnectionRetry<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  const deadline = Date.now() + options.budgetMs;
  let delay = options.initialDelayMs ?? 100;
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      if (!isConnectionError(error) || Date.now() + delay > deadline) throw error;
      await sleep(delay);
      delay = Math.min(delay * 2, 2_000);
    }
  }
}
