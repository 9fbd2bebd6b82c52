import { ApplicationFailure } from "@temporalio/common";
import { eq } from "drizzle-orm";
import { withConnectionRetry } from "~/db/connection-retry";
import { deliveries } from "~/db/schema";
import type { ActivityDeps } from "./create-activities";
import { describeRetryCap, retryWait } from "~/core/delivery/retry-policy";
import type { DeliveryRequest, RecordedResponse } from "~/core/integrations/send-result";
import { recordAttempt, recordAttemptStart } from "./record-attempt";
import { writeRunRecord } from "./run-records";
import type { DeliverInput, DeliverResult } from "./types";

/** What one attempt at sending a message produced; secrets already redacted. */
export interface SendOutcome {
  ok: boolean;
  /** The integration has nothing to send for this message type (e.g. Phone has no Ok). */
  skipped?: boolean;
  retryable: boolean;
  retryAfterMs?: number;
  status?: number;
  request?: DeliveryRequest;
  response?: RecordedResponse;
  latencyMs: number;
  error?: string;
}

export type MessageSender = (input: DeliverInput, idempotencyKey: string) => Promise<SendOutcome>;

/** incident + level + type + reminder number, plus the link, since a level may have many. */
export function idempotencyKeyFor(input: DeliverInput): string {
  const link = input.isFallback ? `${input.target.nodeId}:fallback` : input.target.nodeId;
  return `${input.runId}:${input.level}:${input.messageType}:${input.reminderNumber}:${link}`;
}

/**
 * How long the activity rides out a lost database connection itself. Before the send a failure
 * costs nothing (Temporal tries again later); after it, the receiver's answer is at stake. Both fit
 * in the attempt's timeout together with the send's own 10 s.
 */
const BEFORE_SEND = { budgetMs: 4_000 };
const AFTER_SEND = { budgetMs: 14_000 };

export function createDeliver({ db, send, random, now }: Pick<ActivityDeps, "db" | "send" | "random" | "now">) {
  return async function deliver(input: DeliverInput): Promise<DeliverResult> {
    const key = idempotencyKeyFor(input);
    // The incident's first deliveries open its run (the delivery row refers to it) and store the
    // timeline so far; written again by a retry, it changes nothing.
    const { runRecord } = input;
    if (runRecord) await withConnectionRetry(() => writeRunRecord(db, runRecord), BEFORE_SEND);

    const [inserted] = await withConnectionRetry(
      () =>
        db
          .insert(deliveries)
          .values({
            runId: input.runId,
            integrationId: input.target.integrationId,
            nodeId: input.target.nodeId,
            messageType: input.messageType,
            level: input.level,
            reminderNumber: input.reminderNumber,
            idempotencyKey: key,
            isFallback: input.isFallback,
          })
          .onConflictDoNothing()
          .returning(),
      BEFORE_SEND,
    );
    const row =
      inserted ??
      (await withConnectionRetry(
        () => db.query.deliveries.findFirst({ where: eq(deliveries.idempotencyKey, key) }),
        BEFORE_SEND,
      ));
    if (!row) throw new Error(`delivery row ${key} vanished`);
    // A message already settled (e.g. the worker died after sending) is never sent twice.
    if (row.status !== "pending") {
      return {
        outcome: row.status,
        deliveryId: row.id,
        attempts: row.attempts,
        statusCode: row.statusCode ?? undefined,
      };
    }

    // Sends that reached (or tried to reach) the receiver, this one included. Not Temporal's
    // attempt number: a try that ended on an unreachable database sent nothing and must not use up
    // the message's attempts, so Temporal is allowed more tries than the policy's maxAttempts.
    const attempt = row.attempts + 1;
    const startedAt = now();
    // Delivery is at least once: a worker killed while the request is out cannot know whether it
    // arrived, so the next attempt sends again, under the same idempotency key for the receiver
    // to drop the repeat. Announcing the attempt first keeps the interrupted one in the history.
    await withConnectionRetry(
      () => recordAttemptStart(db, { deliveryId: row.id, runId: input.runId, attempt, startedAt }),
      BEFORE_SEND,
    );
    const outcome = await send(input, key);
    const finalAttempt = attempt >= input.maxAttempts;
    const status = outcome.skipped
      ? "skipped"
      : outcome.ok
        ? "delivered"
        : outcome.retryable && !finalAttempt
          ? "pending"
          : "failed";
    const wait = retryWait(attempt, random, outcome.retryAfterMs);
    const error = [outcome.error, status === "pending" && describeRetryCap(wait)].filter(Boolean).join(". ") || null;

    // The receiver has answered: losing that answer to a short database outage would resend the
    // message, or mark it failed although it arrived. The write is an update by id and an insert
    // that ignores a repeat, so running it again is safe.
    await withConnectionRetry(
      () =>
        recordAttempt(db, {
          deliveryId: row.id,
          runId: input.runId,
          attempt,
          startedAt,
          status,
          outcome,
          error,
          nextRetryMs: status === "pending" ? wait.delayMs : undefined,
          started: true,
        }),
      AFTER_SEND,
    );

    if (status === "pending") {
      throw ApplicationFailure.create({
        type: "DeliveryRetryable",
        message: error ?? `receiver answered ${outcome.status ?? "nothing"}`,
        nextRetryDelay: wait.delayMs,
      });
    }
    return { outcome: status, deliveryId: row.id, attempts: attempt, statusCode: outcome.status };
  };
}
