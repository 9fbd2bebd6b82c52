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

/**
 * deadlock_detected and serialization_failure: Postgres rolled the transaction back and it can
 * simply run again. Writers of one incident (the worker and the alert endpoint) can still meet on
 * its rows; those of one flow and hour no longer meet on a shared rollup row (migration 0020).
 */
const CONFLICT_CODES = new Set(["40P01", "40001"]);

/** The errors `error` wraps, itself first (drizzle puts the pg error in `cause`). */
function* causes(error: unknown): Generator<Error> {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) yield e;
}

const codeOf = (e: Error) => ("code" in e && typeof e.code === "string" ? e.code : undefined);

/** True when `error` (or what it wraps) is a connection failure. */
export function isConnectionError(error: unknown): boolean {
  for (const e of causes(error)) {
    const code = codeOf(e);
    if (code && CONNECTION_CODES.has(code)) return true;
    if (CONNECTION_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/** True when Postgres rolled the transaction back as a deadlock's victim or a serialization failure. */
export function isTransactionConflict(error: unknown): boolean {
  for (const e of causes(error)) {
    const code = codeOf(e);
    if (code && CONFLICT_CODES.has(code)) return true;
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
 * Runs `operation` again while it fails on the connection, or as a deadlock's victim, for up to
 * `budgetMs`. Only for operations that are safe to repeat (an upsert, an update by id): a
 * connection lost after the statement ran looks the same as one lost before. A conflict is tried
 * again after a short random pause, so that the two sides do not meet again in step.
 */
export async function withConnectionRetry<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  const deadline = Date.now() + options.budgetMs;
  let delay = options.initialDelayMs ?? 100;
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      const conflict = isTransactionConflict(error);
      if (!(conflict || isConnectionError(error)) || Date.now() + delay > deadline) throw error;
      await sleep(conflict ? 10 + Math.random() * 50 : delay);
      delay = Math.min(delay * 2, 2_000);
    }
  }
}

/**
 * Runs a transaction again, up to `tries` times, only when Postgres rolled it back as a deadlock's
 * victim: for writes that are not safe to repeat after a lost connection (an insert that claims).
 */
export async function retryOnConflict<T>(transaction: () => Promise<T>, tries = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isTransactionConflict(error) || attempt >= tries) throw error;
      await defaultSleep(10 + Math.random() * 50 * attempt);
    }
  }
}
