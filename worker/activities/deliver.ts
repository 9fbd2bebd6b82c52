import { ApplicationFailure } from "@temporalio/common";
import { and, eq } from "drizzle-orm";
import { withConnectionRetry } from "~/db/connection-retry";
import { z } from "zod";
import { deliveries, deliveryAttempts, deliveryStatusEnum } from "~/db/schema";
import { preparedStatement, runPrepared } from "./prepared-statement";
import type { ActivityDeps } from "./create-activities";
import type { DeliveryRequest, RecordedResponse } from "~/core/integrations/send-result";
import { INTERRUPTED_ATTEMPT, INTERRUPTED_REASON, recordAnswer, recordAttemptStart } from "./record-attempt";
import { RUN_RECORD_CTES, RUN_RECORD_PARAMS, runRecordValues, writeRunRecord } from "./run-records";
import { idempotencyKeyFor } from "./delivery-key";
import type { RefusalReason } from "~/core/domain-error";
import type { DeliverInput, DeliverResult, FirstAttemptResult } from "./types";

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
  /** Why, when Alertflow itself worded `error`: pages word it in their language (server-reason.ts). */
  reason?: RefusalReason;
}

export type MessageSender = (input: DeliverInput, idempotencyKey: string) => Promise<SendOutcome>;

/**
 * How long the activity rides out a lost database connection itself. Before the send a failure
 * costs nothing (Temporal tries again later); after it, the receiver's answer is at stake. Both fit
 * in the attempt's timeout together with the send's own 10 s.
 */
const BEFORE_SEND = { budgetMs: 4_000 };
const AFTER_SEND = { budgetMs: 14_000 };

/**
 * A retry this close to its due time goes ahead: timers and clocks differ by a little. Kept well
 * under the shortest wait a receiver may ask for (Retry-After: 1), which would otherwise be skipped.
 */
const EARLY_TOLERANCE_MS = 100;

/** How long until the next attempt the latest recorded one asked for is due (0: due now). */
async function remainingWait(
  db: ActivityDeps["db"],
  row: Pick<DeliveryRow, "id" | "attempts" | "updatedAt">,
  at: Date,
): Promise<number> {
  const latest = await withConnectionRetry(
    () =>
      db.query.deliveryAttempts.findFirst({
        where: and(eq(deliveryAttempts.deliveryId, row.id), eq(deliveryAttempts.attempt, row.attempts)),
      }),
    BEFORE_SEND,
  );
  const dueMs = row.updatedAt.getTime() + (latest?.nextRetryMs ?? 0);
  return Math.max(0, dueMs - at.getTime());
}

/** How often a delivery waiting out the endpoint's lease looks whether the answer is in. */
const LEASE_POLL_MS = 25;

type DeliveryRow = typeof deliveries.$inferSelect;

/** What waiting out a lease reads of a delivery row. */
export type LeaseView = Pick<DeliveryRow, "id" | "status" | "leasedUntil">;

/** What a delivery reads of its own row: how it stands, not the recorded request and response. */
export type DeliveryState = LeaseView &
  Pick<DeliveryRow, "idempotencyKey" | "attempts" | "statusCode" | "error" | "updatedAt">;

/** The columns readDeliveryState reads, for the prepared statements that select them. */
export const DELIVERY_STATE_COLUMNS =
  "id, idempotency_key, status, leased_until, attempts, status_code, error, updated_at";

const deliveryStateSchema = z.object({
  id: z.string(),
  idempotency_key: z.string(),
  status: z.enum(deliveryStatusEnum.enumValues),
  leased_until: z.date().nullable(),
  attempts: z.number(),
  status_code: z.number().nullable(),
  error: z.string().nullable(),
  updated_at: z.date(),
});

/** A row of DELIVERY_STATE_COLUMNS, as node-postgres gives it, read into the table's own field names. */
export const readDeliveryState = (value: unknown): DeliveryState => {
  const r = deliveryStateSchema.parse(value);
  return {
    id: r.id,
    idempotencyKey: r.idempotency_key,
    status: r.status,
    leasedUntil: r.leased_until,
    attempts: r.attempts,
    statusCode: r.status_code,
    error: r.error,
    updatedAt: r.updated_at,
  };
};

/**
 * The message's row, made if it is new, in one statement: the insert returns a new row, the select
 * (whose snapshot predates the insert) an existing one. A new row is made with its first attempt
 * announced (what recordAttemptStart writes: nothing can lease, settle or delay a row nobody else
 * has seen), so a message's first send costs one statement less; `started` says the attempt is
 * this call's, also when the statement is run again after its commit went unheard (the attempt's
 * start time is this call's own). $1 run, $2 integration, $3 node, $4 message type, $5 level, $6
 * reminder number, $7 idempotency key, $8 fallback, $9 workspace and $10 flow (the scope trigger
 * takes the run's; given for a run the same statement opens), $11 the attempt's start, $12 and
 * $13 the interrupted attempt's error and reason.
 */
const openDeliveryCtes = (p: (n: number) => string) => `
  inserted as (
    insert into deliveries (run_id, integration_id, node_id, message_type, level, reminder_number, idempotency_key,
      is_fallback, workspace_id, flow_id, attempts, updated_at)
    values (${p(1)}::uuid, ${p(2)}::uuid, ${p(3)}::text, ${p(4)}::text, ${p(5)}::int, ${p(6)}::int, ${p(7)}::text,
      ${p(8)}::boolean, ${p(9)}::uuid, ${p(10)}::uuid, 1, ${p(11)}::timestamptz)
    on conflict do nothing
    returning ${DELIVERY_STATE_COLUMNS}
  ), started as (
    insert into delivery_attempts (delivery_id, run_id, attempt, started_at, outcome, latency_ms, error, error_reason)
    select id, ${p(1)}::uuid, 1, ${p(11)}::timestamptz, 'retrying', 0, ${p(12)}::text, ${p(13)}::jsonb from inserted
    on conflict do nothing
  )
  select *, true as started from inserted
  union all
  select ${DELIVERY_STATE_COLUMNS},
    d.attempts = 1 and d.updated_at = ${p(11)}::timestamptz and exists (select 1 from delivery_attempts a
      where a.delivery_id = d.id and a.attempt = 1 and a.started_at = ${p(11)}::timestamptz) as started
  from deliveries d
  where idempotency_key = ${p(7)}::text and not exists (select 1 from inserted)`;

const OPEN_DELIVERY = preparedStatement("open_delivery_started", `with ${openDeliveryCtes((n) => `$${n}`)}`);

/**
 * The same, after a run record carried by the delivery (its row, level and timeline: see
 * RUN_RECORD_CTES, $1–$26), in the same statement: one round trip for both.
 */
const RECORD_AND_OPEN_DELIVERY = preparedStatement(
  "run_record_open_delivery",
  `${RUN_RECORD_CTES}, ${openDeliveryCtes((n) => `$${n + RUN_RECORD_PARAMS}`)}`,
);

/** A row of OPEN_DELIVERY: the delivery's state, and whether its first attempt was started by this call. */
const readOpenedDelivery = (value: unknown): DeliveryState & { started: boolean } => ({
  ...readDeliveryState(value),
  started: z.object({ started: z.boolean() }).parse(value).started,
});

/**
 * The alert endpoint sends an incident's first message itself under a lease on its row (see
 * server/inbound/first-message.ts). While the lease holds, this delivery sends nothing: it looks
 * again every few milliseconds, for at most `maxWaitMs`, until the endpoint records its answer
 * (which clears the lease) or the lease runs out (the web process died mid-send: then this
 * delivery sends, under the same idempotency key). Returns the row as it then is, or, if the
 * lease still holds after `maxWaitMs`, how long it has left.
 */
export async function awaitLease<R extends LeaseView>(
  db: ActivityDeps["db"],
  row: R,
  now: () => Date,
  maxWaitMs: number,
): Promise<{ row: R | DeliveryRow; leasedForMs: number }> {
  const leftMs = (r: LeaseView) =>
    r.status === "pending" && r.leasedUntil ? Math.max(0, r.leasedUntil.getTime() - now().getTime()) : 0;
  const giveUpAt = now().getTime() + maxWaitMs;
  let current: R | DeliveryRow = row;
  while (leftMs(current) > 0 && now().getTime() < giveUpAt) {
    await new Promise((r) => setTimeout(r, LEASE_POLL_MS));
    const id: string = current.id;
    const fresh: DeliveryRow | undefined = await withConnectionRetry(
      () => db.query.deliveries.findFirst({ where: eq(deliveries.id, id) }),
      BEFORE_SEND,
    );
    if (!fresh) throw new Error(`delivery row ${id} vanished`);
    current = fresh;
  }
  return { row: current, leasedForMs: leftMs(current) };
}

export interface DeliverOptions {
  /**
   * How long this delivery waits inside itself for a lease to end; after that it hands back to
   * Temporal's retry, due when the lease runs out. The regular activity waits the whole lease
   * (shorter than its attempt timeout); the local first attempt only briefly, since it holds the
   * workflow task.
   */
  maxLeaseWaitMs?: number;
}

/** Longer than any one send (10 s), shorter than an activity attempt (30 s). */
export const FIRST_MESSAGE_LEASE_MS = 15_000;

export function createDeliver(
  { db, send, random, now }: Pick<ActivityDeps, "db" | "send" | "random" | "now">,
  { maxLeaseWaitMs = FIRST_MESSAGE_LEASE_MS }: DeliverOptions = {},
) {
  return async function deliver(input: DeliverInput): Promise<DeliverResult> {
    const key = idempotencyKeyFor(input);
    // The attempt's start, should this call make the row (and with it the first attempt).
    let startedAt = now();
    const openValues = [
      input.runId,
      input.target.integrationId,
      input.target.nodeId,
      input.messageType,
      input.level,
      input.reminderNumber,
      key,
      input.isFallback,
      input.workspaceId,
      input.flowId,
      startedAt.toISOString(),
      INTERRUPTED_ATTEMPT,
      JSON.stringify(INTERRUPTED_REASON),
    ];
    // The incident's run record may ride on its deliveries (the run row and the first timeline
    // events; later, a level's own events): written in the same statement, before the send. A
    // retry writes it again and changes nothing. A status change needs its own transaction.
    const { runRecord } = input;
    const withRecord = runRecord && !runRecord.status ? runRecord : undefined;
    if (runRecord && !withRecord) await withConnectionRetry(() => writeRunRecord(db, runRecord), BEFORE_SEND);
    const openedRows = await withConnectionRetry(
      () =>
        withRecord
          ? runPrepared(db, RECORD_AND_OPEN_DELIVERY, [...runRecordValues(withRecord.runId, withRecord), ...openValues])
          : runPrepared(db, OPEN_DELIVERY, openValues),
      BEFORE_SEND,
    );
    const [opened] = openedRows.map(readOpenedDelivery);
    let deliveryId: string;
    let attempt: number;
    if (opened?.started) {
      // A new row, its first attempt announced with it: nobody else has leased, sent or settled it.
      deliveryId = opened.id;
      attempt = 1;
    } else {
      // Made by a transaction that committed after this statement's snapshot was taken: read again.
      const found: DeliveryState | undefined =
        opened ??
        (await withConnectionRetry(
          () => db.query.deliveries.findFirst({ where: eq(deliveries.idempotencyKey, key) }),
          BEFORE_SEND,
        ));
      if (!found) throw new Error(`delivery row ${key} vanished`);
      // The endpoint may be sending this message right now: never both at once.
      const { row, leasedForMs } = await awaitLease(db, found, now, maxLeaseWaitMs);
      if (leasedForMs > 0) {
        throw ApplicationFailure.create({
          type: "DeliveryRetryable",
          message: "the alert endpoint is sending this message",
          nextRetryDelay: leasedForMs,
        });
      }
      // A message already settled (e.g. the worker died after sending) is never sent twice.
      if (row.status !== "pending") {
        return {
          outcome: row.status,
          deliveryId: row.id,
          attempts: row.attempts,
          statusCode: row.statusCode ?? undefined,
        };
      }

      // A retry that comes before the wait the last attempt asked for (the first attempt ran as a
      // local activity, which hands over to this activity at once) sends nothing yet: Temporal
      // holds the next try until then, and shows why.
      const waitMs = row.attempts > 0 ? await remainingWait(db, row, now()) : 0;
      if (waitMs > EARLY_TOLERANCE_MS) {
        throw ApplicationFailure.create({
          type: "DeliveryRetryable",
          message: row.error ?? "waiting before the next attempt",
          nextRetryDelay: waitMs,
        });
      }

      // Sends that reached (or tried to reach) the receiver, this one included. Not Temporal's
      // attempt number: a try that ended on an unreachable database sent nothing and must not use
      // up the message's attempts, so Temporal is allowed more tries than the policy's maxAttempts.
      deliveryId = row.id;
      attempt = row.attempts + 1;
      startedAt = now();
      // Delivery is at least once: a worker killed while the request is out cannot know whether
      // it arrived, so the next attempt sends again, under the same idempotency key for the
      // receiver to drop the repeat. Announcing the attempt first keeps the interrupted one in the
      // history.
      await withConnectionRetry(
        () => recordAttemptStart(db, { deliveryId, runId: input.runId, attempt, startedAt }),
        BEFORE_SEND,
      );
    }
    const outcome = await send(input, key);
    const { status, wait, error } = await recordAnswer(
      db,
      { deliveryId, runId: input.runId, attempt, startedAt, outcome, maxAttempts: input.maxAttempts, random },
      AFTER_SEND,
    );

    if (status === "pending") {
      throw ApplicationFailure.create({
        type: "DeliveryRetryable",
        message: error ?? `receiver answered ${outcome.status ?? "nothing"}`,
        nextRetryDelay: wait.delayMs,
      });
    }
    return { outcome: status, deliveryId, attempts: attempt, statusCode: outcome.status };
  };
}

/**
 * The same delivery, for the first attempt only and run as a local activity: it rides on the
 * workflow task that decided to send, so the message goes out without a round trip through
 * Temporal. A receiver asking for another try is an answer here, not a failure, so the workflow
 * hands the message to the regular activity, which waits the asked time and retries.
 */
export function createDeliverFirstAttempt(deps: Pick<ActivityDeps, "db" | "send" | "random" | "now">) {
  // The endpoint's send usually ends within milliseconds; longer, the regular activity waits.
  const deliver = createDeliver(deps, { maxLeaseWaitMs: 500 });
  return async function deliverFirstAttempt(input: DeliverInput): Promise<FirstAttemptResult> {
    try {
      return { kind: "settled", result: await deliver(input) };
    } catch (error) {
      if (!(error instanceof ApplicationFailure) || error.type !== "DeliveryRetryable") throw error;
      return { kind: "retry" };
    }
  };
}
