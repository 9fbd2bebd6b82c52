import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { withConnectionRetry } from "~/db/connection-retry";
import { describeRetryCap, retryCapValues, retryWait, type RetryWait } from "~/core/delivery/retry-policy";
import { deliveries, deliveryAttempts, type DeliveryStatus } from "~/db/schema";
import type { RefusalReason } from "~/core/domain-error";
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
  /** Stored beside `error` when given; otherwise the outcome's own reason when `error` is its text. */
  errorReason?: RefusalReason | null;
  nextRetryMs?: number;
  resentBy?: string;
  /** The attempt was announced by `recordAttemptStart`: its row is completed rather than kept. */
  started?: boolean;
  /**
   * The alert endpoint's answer to the first message it sent under a lease: the delivery row
   * keeps it only while no later attempt has started (a workflow that found the lease run out).
   */
  unlessSuperseded?: boolean;
}

const ATTEMPT_OUTCOME = { pending: "retrying", delivered: "delivered", failed: "failed", skipped: "skipped" } as const;

/** What an attempt's row says until its answer is recorded, and for good if the worker died. */
export const INTERRUPTED_ATTEMPT =
  "No answer recorded: the worker stopped while this message was out, so the receiver may have got it. " +
  "The next attempt carries the same idempotency key.";

/** The same, for pages to word in their language. */
export const INTERRUPTED_REASON: RefusalReason = { reason: "attemptInterrupted", values: {} };

/**
 * Written just before a send: the attempt counts and its row exists while the request is out. A
 * worker killed mid-request leaves exactly this behind, so the history shows the interrupted
 * attempt, and the next one (same idempotency key) takes the following number. Repeating it, after
 * a connection lost before the commit was heard, changes nothing.
 */
export async function recordAttemptStart(
  db: Db,
  a: { deliveryId: string; runId: string; attempt: number; startedAt: Date },
): Promise<void> {
  // One statement, so one round trip on the delivery's hot path, and atomic all the same.
  await db.execute(sql`
    with counted as (
      update ${deliveries} set ${sql.identifier(deliveries.attempts.name)} = ${a.attempt},
        ${sql.identifier(deliveries.updatedAt.name)} = now()
      where ${deliveries.id} = ${a.deliveryId}
    )
    insert into ${deliveryAttempts} (delivery_id, run_id, attempt, started_at, outcome, latency_ms, error, error_reason)
    values (${a.deliveryId}, ${a.runId}, ${a.attempt}, ${a.startedAt.toISOString()}, 'retrying', 0, ${INTERRUPTED_ATTEMPT},
      ${JSON.stringify(INTERRUPTED_REASON)}::jsonb)
    on conflict do nothing`);
}

/**
 * One attempt, kept in full, and the delivery row's summary of its latest attempt, in one
 * transaction so the two never disagree. An attempt announced by `recordAttemptStart` gets its
 * answer; otherwise a retried activity that already wrote its attempt (same number) leaves the
 * first record as it was.
 */
export async function recordAttempt(db: Db, a: AttemptToRecord): Promise<void> {
  // The reason words the outcome's own error; when a note was added to it (a capped Retry-After),
  // recordAnswer says what to store.
  const errorReason =
    a.errorReason !== undefined
      ? a.errorReason
      : a.outcome.reason && a.error === a.outcome.error
        ? a.outcome.reason
        : null;
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
        errorReason,
        latencyMs,
        // The answer is in: a lease held while the endpoint sent ends with it.
        leasedUntil: null,
        updatedAt: new Date(),
      })
      .where(
        a.unlessSuperseded
          ? and(eq(deliveries.id, a.deliveryId), eq(deliveries.attempts, a.attempt))
          : eq(deliveries.id, a.deliveryId),
      );
    const row = {
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
      errorReason,
      request: a.outcome.request ?? null,
      response: a.outcome.response ?? null,
      resentBy: a.resentBy ?? null,
    };
    const insert = tx.insert(deliveryAttempts).values(row);
    await (a.started
      ? insert.onConflictDoUpdate({ target: [deliveryAttempts.deliveryId, deliveryAttempts.attempt], set: row })
      : insert.onConflictDoNothing());
  };
  await db.transaction(write);
}

/** What an attempt's answer makes of the message, and the wait before the next attempt. */
export function settleAttempt(
  outcome: SendOutcome,
  attempt: number,
  maxAttempts: number,
  random: () => number,
): { status: DeliveryStatus; wait: RetryWait; error: string | null } {
  const finalAttempt = attempt >= maxAttempts;
  const status: DeliveryStatus = outcome.skipped
    ? "skipped"
    : outcome.ok
      ? "delivered"
      : outcome.retryable && !finalAttempt
        ? "pending"
        : "failed";
  const wait = retryWait(attempt, random, outcome.retryAfterMs);
  const error = [outcome.error, status === "pending" && describeRetryCap(wait)].filter(Boolean).join(". ") || null;
  return { status, wait, error };
}

/** A receiver's answer to an attempt announced by `recordAttemptStart`. */
export interface AnswerToRecord {
  deliveryId: string;
  runId: string;
  attempt: number;
  startedAt: Date;
  outcome: SendOutcome;
  maxAttempts: number;
  random: () => number;
  /** See AttemptToRecord: the alert endpoint's answer, kept only while no later attempt started. */
  unlessSuperseded?: boolean;
}

/**
 * Settles a receiver's answer and records it on its announced attempt. Losing that answer to a
 * short database outage or a deadlock would send the message again, or mark it failed although
 * it arrived, so the write is tried again for `retry.budgetMs`: it is an update by id and an
 * upsert, so running it again is safe. Returns the settlement (status, wait, error).
 */
export async function recordAnswer(
  db: Db,
  { outcome, attempt, maxAttempts, random, ...answer }: AnswerToRecord,
  retry: { budgetMs: number },
): Promise<ReturnType<typeof settleAttempt>> {
  const settled = settleAttempt(outcome, attempt, maxAttempts, random);
  const { status, wait, error } = settled;
  // A receiver's error with a capped Retry-After note: the note is worded by pages, the receiver's
  // answer stays as it came. An error of Alertflow's own with the note keeps the English text.
  const cap = status === "pending" ? retryCapValues(wait) : null;
  const errorReason: RefusalReason | undefined =
    cap && !outcome.reason ? { reason: "retryAfterCapped", values: { error: outcome.error ?? "", ...cap } } : undefined;
  await withConnectionRetry(
    () =>
      recordAttempt(db, {
        ...answer,
        attempt,
        outcome,
        status,
        error,
        errorReason,
        nextRetryMs: status === "pending" ? wait.delayMs : undefined,
        started: true,
      }),
    retry,
  );
  return settled;
}
