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
 * How long a sender waits for Temporal. While Temporal has been answering, a slow call is load (a
 * burst of signals to one incident) and is worth waiting for; once it has stopped answering, the
 * sender hears so within 2 s instead of holding its connection open.
 */
const ANSWERING_DEADLINE_MS = 10_000;
const SILENT_DEADLINE_MS = 1_500;
const ANSWERING_FOR_MS = 30_000;
const lastAnswerAt = new WeakMap<Client, number>();

function answeredSince(client: Client, sinceMs: number): boolean {
  const last = lastAnswerAt.get(client);
  return last !== undefined && last >= sinceMs;
}

/**
 * Runs a Temporal call with a deadline. The race is a backstop for the connection's first dial,
 * which the gRPC deadline does not always cover. A call that reached Temporal but answered after
 * the deadline is reported unavailable too: the sender's retry may then deliver the event twice,
 * which is safe, where a lost event would not be.
 *
 * A call made while Temporal has not been heard from lately gets the short deadline, but only if
 * nothing else answered meanwhile: in a burst to a cold client the first answers prove Temporal is
 * up, and the calls queued behind them (signals to one incident are serialized) keep waiting.
 */
export async function withTemporalDeadline<T>(client: Client, call: () => Promise<T>): Promise<T> {
  const startedAt = Date.now();
  const answering = answeredSince(client, startedAt - ANSWERING_FOR_MS);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    const giveUp = (ms: number) => {
      controller.abort();
      reject(new TemporalUnavailableError(new Error(`no answer within ${ms} ms`)));
    };
    if (answering) {
      timer = setTimeout(() => giveUp(ANSWERING_DEADLINE_MS), ANSWERING_DEADLINE_MS);
      return;
    }
    timer = setTimeout(() => {
      if (!answeredSince(client, startedAt)) return giveUp(SILENT_DEADLINE_MS);
      timer = setTimeout(() => giveUp(ANSWERING_DEADLINE_MS), ANSWERING_DEADLINE_MS - SILENT_DEADLINE_MS);
    }, SILENT_DEADLINE_MS);
  });
  try {
    const result = await Promise.race([
      client.withAbortSignal(controller.signal, () => client.withDeadline(startedAt + ANSWERING_DEADLINE_MS, call)),
      timedOut,
    ]);
    lastAnswerAt.set(client, Date.now());
    return result;
  } catch (error) {
    if (isUnavailable(error)) {
      lastAnswerAt.delete(client);
      throw new TemporalUnavailableError(error);
    }
    // Temporal answered, with a refusal (say, no such workflow): it is up.
    lastAnswerAt.set(client, Date.now());
    throw error;
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
