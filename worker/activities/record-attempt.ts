import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { deliveries, deliveryAttempts, type DeliveryStatus } from "~/db/schema";
import type { SendOutcome } from "./deliver";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface AttemptToRecord {
  deliveryId: string;
  runId: string;
  attempt: number;
  startedAt: Date;
  /** The delivery's status after this attempt; pending means another attempt follows. */
  status: DeliveryStatus;
  outcome: SendOutcome;
  error: string | null;
  nextRetryMs?: number;
  resentBy?: string;
}

const ATTEMPT_OUTCOME = { pending: "retrying", delivered: "delivered", failed: "failed", skipped: "skipped" } as const;

/**
 * One attempt, kept in full, and the delivery row's summary of its latest attempt, in one
 * transaction so the two never disagree. A retried activity that already wrote its attempt
 * (same number) leaves the first record as it was.
 */
export async function recordAttempt(db: Db, a: AttemptToRecord): Promise<void> {
  const write = async (tx: Tx) => {
    const latencyMs = Math.round(a.outcome.latencyMs);
    await tx
      .update(deliveries)
      .set({
        status: a.status,
        attempts: a.attempt,
        statusCode: a.outcome.status ?? null,
        request: a.outcome.request ?? null,
        response: a.outcome.response ?? null,
        error: a.error,
        latencyMs,
        updatedAt: new Date(),
      })
      .where(eq(deliveries.id, a.deliveryId));
    await tx
      .insert(deliveryAttempts)
      .values({
        deliveryId: a.deliveryId,
        runId: a.runId,
        attempt: a.attempt,
        startedAt: a.startedAt,
        outcome: ATTEMPT_OUTCOME[a.status],
        statusCode: a.outcome.status ?? null,
        latencyMs,
        retryAfterMs: a.outcome.retryAfterMs === undefined ? null : Math.round(a.outcome.retryAfterMs),
        nextRetryMs: a.nextRetryMs ?? null,
        error: a.error,
        request: a.outcome.request ?? null,
        response: a.outcome.response ?? null,
        resentBy: a.resentBy ?? null,
      })
      .onConflictDoNothing();
  };
  await db.transaction(write);
}
