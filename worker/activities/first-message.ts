import { eq, sql } from "drizzle-orm";
import { executePrepared } from "~/db/prepared-query";
import { rowForSelect } from "~/db/row-select";
import type { Db } from "~/db/client";
import { retryOnConflict } from "~/db/connection-retry";
import { attemptOutcomeEnum, deliveries, deliveryAttempts, incidentInboxes, runs } from "~/db/schema";
import { deliveryRetryPolicy } from "~/core/delivery/retry-policy";
import { reduceIncident } from "~/core/escalation/escalation-reducer";
import { newEscalationState } from "~/core/escalation/escalation-state";
import { incidentFrom } from "~/core/escalation/incident";
import type { EscalationInput } from "~/workflows/messages";
import type { IncidentOpener } from "~/server/inbound/incident-opener";
import type { DeliverInput } from "./types";
import { FIRST_MESSAGE_LEASE_MS, idempotencyKeyFor, type MessageSender, type SendOutcome } from "./deliver";
import { INTERRUPTED_ATTEMPT, INTERRUPTED_REASON, recordAnswer } from "./record-attempt";
import { newRunRow } from "./run-records";
import { markIngress } from "~/server/inbound/ingress-timing";
import type { PreparedSend, PreparingSender } from "./integration-sender";

/**
 * The messages a new incident sends the moment it opens (its levels that fire on the first error
 * with no delay), exactly as the workflow will ask for them: the same reducer decides, so the
 * same idempotency keys come out, and the workflow's deliveries find these rows.
 */
export function firstMessagesOf(input: EscalationInput): { messages: DeliverInput[]; currentLevel: number } {
  const { firstEvent, plan } = input;
  const atMs = Date.parse(firstEvent.receivedAt);
  const opened = reduceIncident(plan, incidentFrom(newEscalationState(atMs, firstEvent.alert)), {
    type: "alert",
    alert: firstEvent.alert,
    receivedAt: firstEvent.receivedAt,
    atMs,
  });
  const ticked = reduceIncident(plan, opened.incident, { type: "tick", atMs });
  const { state } = ticked.incident;
  const messages: DeliverInput[] = [];
  for (const command of ticked.commands) {
    if (command.kind !== "send") continue;
    for (const target of command.level[command.messageType]) {
      messages.push({
        runId: input.runId,
        workspaceId: input.workspaceId,
        flowId: input.flowId,
        flowName: input.flowName,
        incidentKey: input.alertKey,
        level: command.level.level,
        levelMessage: command.level.message,
        messageType: command.messageType,
        reminderNumber: command.reminderNumber,
        target: { nodeId: target.nodeId, integrationId: target.integrationId, variables: target.variables },
        alert: state.lastAlert,
        firstErrorAt: new Date(state.firstErrorAtMs).toISOString(),
        isFallback: false,
        maxAttempts: deliveryRetryPolicy.maxAttempts,
      });
    }
  }
  return { messages, currentLevel: state.currentLevel };
}

/** What an announced attempt's row says until its answer is recorded. */
const ANNOUNCED: (typeof attemptOutcomeEnum.enumValues)[number] = "retrying";

export interface ClaimedMessage {
  message: DeliverInput;
  deliveryId: string;
}

/**
 * Opens the incident in Postgres, in one statement: its run row, its inbox (the claim: the
 * partial unique index on the open inbox of a workflow id lets one request win), the workflow's
 * whole input (for the re-start job, should the workflow not get started), and its first
 * messages' delivery rows under a lease, each with attempt 1 announced. Null when another
 * request opened the incident first: the caller then appends to its inbox.
 */
export async function claimIncident(
  db: Db,
  workflowId: string,
  input: EscalationInput,
  { leaseMs, first = firstMessagesOf(input) }: { leaseMs: number; first?: ReturnType<typeof firstMessagesOf> },
): Promise<ClaimedMessage[] | null> {
  const { messages, currentLevel } = first;
  // One statement, so no transaction (one round trip instead of four): the claim (the partial
  // unique index on the open inbox of a workflow id lets one request win) decides whether the run
  // and the first messages are written; a lost claim writes nothing.
  const claim = db
    .insert(incidentInboxes)
    .values({ id: input.runId, workflowId, startInput: input })
    .onConflictDoNothing()
    .returning({ id: incidentInboxes.id });
  const run = rowForSelect(
    runs,
    newRunRow({
      ...input,
      workflowId,
      firstErrorAt: input.firstEvent.receivedAt,
      alert: input.firstEvent.alert,
      currentLevel,
    }),
  );
  // The delivery rows and their announced attempt 1: attempt 1 shows as interrupted until the
  // answer is recorded, so a web process killed while the request is out leaves exactly this, and
  // the workflow's attempt takes number 2. Their workspace and flow are given here: the run,
  // written by this statement, is not visible yet to the trigger that copies them from it.
  const firstMessages =
    messages.length === 0
      ? sql`select exists (select 1 from claim) as claimed, null::uuid as id, null::text as key`
      : sql`, d as (
          insert into ${deliveries} (run_id, integration_id, node_id, message_type, level, reminder_number,
            idempotency_key, is_fallback, attempts, leased_until, workspace_id, flow_id)
          select * from (values ${sql.join(
            messages.map(
              (
                m,
              ) => sql`(${m.runId}::uuid, ${m.target.integrationId}::uuid, ${m.target.nodeId}::text, ${m.messageType}::text,
                ${m.level}::integer, ${m.reminderNumber}::integer, ${idempotencyKeyFor(m)}::text, false, 1,
                clock_timestamp() + make_interval(secs => ${leaseMs / 1000}), ${input.workspaceId}::uuid, ${input.flowId}::uuid)`,
            ),
            sql`, `,
          )}) as m
          where exists (select 1 from claim)
          returning id, idempotency_key, created_at
        ), announced as (
          insert into ${deliveryAttempts} (delivery_id, run_id, attempt, started_at, outcome, latency_ms, error, error_reason)
          select id, ${input.runId}::uuid, 1, created_at, ${ANNOUNCED}::${sql.identifier(attemptOutcomeEnum.enumName)}, 0, ${INTERRUPTED_ATTEMPT},
            ${JSON.stringify(INTERRUPTED_REASON)}::jsonb
          from d
        )
        select exists (select 1 from claim) as claimed, d.id, d.idempotency_key as key
        from (values (1)) as one (x) left join d on true`;
  // Prepared: Postgres plans the statement once per connection (the text is the same for a flow's first level).
  const written = await retryOnConflict(() =>
    executePrepared<{ claimed: boolean; id: string | null; key: string | null }>(
      db,
      sql`with claim as ${claim}, opened as (
        insert into ${runs} (${run.columns}) select ${run.values} where exists (select 1 from claim)
      ) ${firstMessages}`,
    ),
  );
  markIngress("claimWritten");
  if (!written[0]?.claimed) return null;
  const idByKey = new Map(written.flatMap((row) => (row.id && row.key ? [[row.key, row.id] as const] : [])));
  return messages.flatMap((message) => {
    const deliveryId = idByKey.get(idempotencyKeyFor(message));
    return deliveryId ? [{ message, deliveryId }] : [];
  });
}

/**
 * The receiver's answer must not be lost to a short database outage, nor to a deadlock with the
 * workflow's and the rollup triggers' writes of the same flow and hour (the message would go out
 * again when the lease runs out): recordAnswer tries the write again for this long.
 */
const RECORD_BUDGET = { budgetMs: 10_000 };

/**
 * Sends one claimed first message and records the answer as attempt 1, which ends the lease. A
 * retryable answer is an attempt like any other: the workflow's delivery waits what it asked for
 * and tries again; a failure the same. Never rejects: the endpoint does not wait for this.
 */
export async function sendFirstMessage(
  deps: { db: Db; send: MessageSender; random?: () => number },
  { message, deliveryId }: ClaimedMessage,
  prepared?: Promise<PreparedSend>,
): Promise<void> {
  const key = idempotencyKeyFor(message);
  const startedAt = new Date();
  let outcome: SendOutcome;
  try {
    outcome = prepared ? await (await prepared)(key) : await deps.send(message, key);
    markIngress("sent");
  } catch (error) {
    // Not a receiver's answer (the sender itself failed): the lease is released and the
    // workflow's delivery makes the next attempt now. The error's text is not kept: it is not
    // the receiver's, and it might quote what the sender read.
    console.warn(`inbound: first message ${deliveryId} not sent here (${errorName(error)}); the workflow sends it`);
    await deps.db
      .update(deliveries)
      .set({ leasedUntil: null })
      .where(eq(deliveries.id, deliveryId))
      .catch(() => undefined);
    return;
  }
  try {
    const answer = {
      deliveryId,
      runId: message.runId,
      attempt: 1,
      startedAt,
      outcome,
      maxAttempts: message.maxAttempts,
      random: deps.random ?? Math.random,
      unlessSuperseded: true,
    };
    await recordAnswer(deps.db, answer, RECORD_BUDGET);
    markIngress("recorded");
  } catch (recordError) {
    // The lease runs out and the workflow sends again, under the same idempotency key.
    console.warn(`inbound: the answer to first message ${deliveryId} not recorded (${errorCode(recordError)})`);
  }
}

/** The SQLSTATE or Node error code of `error` or what it wraps (drizzle puts pg's error in `cause`). */
function errorCode(error: unknown): string {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if ("code" in e && typeof e.code === "string") return e.code;
  }
  return errorName(error);
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);

/**
 * The alert endpoint's opener (server/inbound/incident-opener.ts): claims in Postgres, then sends
 * with `send`, the worker's own sender (same outbound guard, same secret redaction).
 */
export function createIncidentOpener(deps: {
  db: Db;
  send: MessageSender | PreparingSender;
  leaseMs?: number;
}): IncidentOpener {
  const leaseMs = deps.leaseMs ?? FIRST_MESSAGE_LEASE_MS;
  const { send } = deps;
  return {
    async claim(workflowId, input) {
      const first = firstMessagesOf(input);
      // What the sends read (the integration, the allow list) is read while the claim commits,
      // on other connections: a round trip fewer after the commit. The rate-limit token and the
      // request wait for the commit, so a claim that loses takes none of a receiver's budget.
      const prepared = new Map(
        "prepare" in send
          ? first.messages.map((message) => {
              const preparing = send.prepare(message);
              // Awaited only after a won claim; a claim that fails or loses must not leave it unhandled.
              preparing.catch(() => undefined);
              return [idempotencyKeyFor(message), preparing] as const;
            })
          : [],
      );
      const claimed = await claimIncident(deps.db, workflowId, input, { leaseMs, first });
      if (!claimed) return null;
      return {
        sendAll: async () => {
          await Promise.all(
            claimed.map((message) => sendFirstMessage(deps, message, prepared.get(idempotencyKeyFor(message.message)))),
          );
        },
      };
    },
  };
}
