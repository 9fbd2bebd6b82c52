import type { Db } from "~/db/client";
import { withConnectionRetry } from "~/db/connection-retry";
import { describeRetryCap, retryCapValues, retryWait, type RetryWait } from "~/core/delivery/retry-policy";
import type { DeliveryStatus } from "~/db/schema";
import { storableJson } from "~/core/wire/storable-text";
import { preparedStatement, runPrepared } from "./prepared-statement";
import type { RefusalReason } from "~/core/domain-error";
import type { SendOutcome } from "./deliver";

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

/** $1 delivery, $2 run, $3 attempt, $4 started at, $5 and $6 the interrupted attempt's error and reason. */
const RECORD_ATTEMPT_START = preparedStatement(
  "record_attempt_start",
  `
  with counted as (
    update deliveries set attempts = $3::int, updated_at = now() where id = $1::uuid
  )
  insert into delivery_attempts (delivery_id, run_id, attempt, started_at, outcome, latency_ms, error, error_reason)
  values ($1::uuid, $2::uuid, $3::int, $4::timestamptz, 'retrying', 0, $5::text, $6::jsonb)
  on conflict do nothing`,
);

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
  await runPrepared(db, RECORD_ATTEMPT_START, [
    a.deliveryId,
    a.runId,
    a.attempt,
    a.startedAt.toISOString(),
    INTERRUPTED_ATTEMPT,
    JSON.stringify(INTERRUPTED_REASON),
  ]);
}

/**
 * The delivery row's summary and the attempt's row in one statement (atomic, one round trip).
 * Parameters: $1 delivery, $2 status, $3 attempt, $4 status code, $5 request, $6 response, $7 error,
 * $8 error reason, $9 latency, $10 unless superseded, $11 run, $12 started at, $13 the attempt's
 * outcome, $14 Retry-After, $15 next retry, $16 resent by, $17 announced (started), $18 now.
 */
const RECORD_ATTEMPT = preparedStatement(
  "record_attempt",
  `
  with summary as (
    update deliveries set status = $2::delivery_status, attempts = $3::int, status_code = $4::int,
      request = $5::jsonb, response = $6::jsonb, error = $7::text, error_reason = $8::jsonb,
      latency_ms = $9::int, leased_until = null, updated_at = $18::timestamptz
    where id = $1::uuid and (not $10::boolean or attempts = $3::int)
  )
  insert into delivery_attempts (delivery_id, run_id, attempt, started_at, outcome, status_code, latency_ms,
    retry_after_ms, next_retry_ms, error, error_reason, request, response, resent_by)
  values ($1::uuid, $11::uuid, $3::int, $12::timestamptz, $13::delivery_attempt_outcome, $4::int, $9::int, $14::bigint,
    $15::int, $7::text, $8::jsonb, $5::jsonb, $6::jsonb, $16::text)
  on conflict (delivery_id, attempt) do update set run_id = excluded.run_id, started_at = excluded.started_at,
    outcome = excluded.outcome, status_code = excluded.status_code, latency_ms = excluded.latency_ms,
    retry_after_ms = excluded.retry_after_ms, next_retry_ms = excluded.next_retry_ms, error = excluded.error,
    error_reason = excluded.error_reason, request = excluded.request, response = excluded.response,
    resent_by = excluded.resent_by
    where $17::boolean`,
);

/**
 * One attempt, kept in full, and the delivery row's summary of its latest attempt, in one
 * statement so the two never disagree. An attempt announced by `recordAttemptStart` gets its
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
  const latencyMs = Math.round(a.outcome.latencyMs);
  await runPrepared(db, RECORD_ATTEMPT, [
    a.deliveryId,
    a.status,
    a.attempt,
    a.outcome.status ?? null,
    a.outcome.request ? storableJson(a.outcome.request) : null,
    a.outcome.response ? storableJson(a.outcome.response) : null,
    a.error,
    errorReason ? storableJson(errorReason) : null,
    latencyMs,
    a.unlessSuperseded === true,
    a.runId,
    a.startedAt.toISOString(),
    ATTEMPT_OUTCOME[a.status],
    a.outcome.retryAfterMs === undefined ? null : Math.round(a.outcome.retryAfterMs),
    a.nextRetryMs ?? null,
    a.resentBy ?? null,
    a.started === true,
    new Date().toISOString(),
  ]);
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
