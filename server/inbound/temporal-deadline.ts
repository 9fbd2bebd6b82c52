import type { Client } from "@temporalio/client";

/**
 * Temporal did not take the alert in time (down, restarting, unreachable). Nothing was promised
 * to the sender yet, so the endpoint answers 503 with Retry-After and the sender tries again.
 */
export class TemporalUnavailableError extends Error {
  constructor(cause: unknown) {
    super("Temporal did not accept the alert in time", { cause });
    this.name = "TemporalUnavailableError";
  }
}

/**
 * Runs Temporal calls with a deadline. The client's own retries would otherwise keep a sender
 * waiting for many seconds (19.6 s was measured) while Temporal is down. The race is a backstop
 * for the connection's first dial, which the gRPC deadline does not always cover.
 */
export async function withTemporalDeadline<T>(client: Client, ms: number, call: () => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TemporalUnavailableError(new Error(`no answer within ${ms} ms`)));
    }, ms);
  });
  try {
    return await Promise.race([
      client.withAbortSignal(controller.signal, () => client.withDeadline(Date.now() + ms, call)),
      timedOut,
    ]);
  } catch (error) {
    throw isUnavailable(error) ? new TemporalUnavailableError(error) : error;
  } finally {
    clearTimeout(timer);
  }
}

/** gRPC UNAVAILABLE (14), DEADLINE_EXCEEDED (4) or CANCELLED (1, our abort), wherever it is wrapped. */
function isUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof TemporalUnavailableError) return true;
    const code = "code" in e ? e.code : undefined;
    if (code === 14 || code === 4 || code === 1) return true;
    if (/UNAVAILABLE|DEADLINE_EXCEEDED|Failed to connect/i.test(e.message)) return true;
  }
  return false;
}
