import { createHash } from "node:crypto";
import { eq, fillPlaceholders, sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { z } from "zod";
import { queryPrepared } from "~/db/prepared-query";
import { rowForSelect } from "~/db/row-select";
import type { Db } from "~/db/client";
import { retryOnConflict } from "~/db/connection-retry";
import { attemptOutcomeEnum, deliveries, deliveryAttempts, incidentInboxes, runs } from "~/db/schema";
import { reduceIncident } from "~/core/escalation/escalation-reducer";
import { newEscalationState } from "~/core/escalation/escalation-state";
import { incidentFrom } from "~/core/escalation/incident";
import type { EscalationInput } from "~/workflows/messages";
import { sendsOf } from "~/workflows/deliver-input";
import type { IncidentOpener } from "~/server/inbound/incident-opener";
import type { DeliverInput } from "./types";
import { FIRST_MESSAGE_LEASE_MS, type MessageSender, type SendOutcome } from "./deliver";
import { idempotencyKeyFor } from "./delivery-key";
import { INTERRUPTED_ATTEMPT, INTERRUPTED_REASON, recordAnswer } from "./record-attempt";
import { newRunRow } from "./run-records";
import { markIngress } from "~/server/inbound/ingress-timing";
import type { PreparedSend, PreparingSender } from "./integration-sender";
import { decisionOf, gatedTakeSql, type OutboundBucket, type RateDecision } from "./rate-limiter";

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
  return { messages: sendsOf(input, ticked), currentLevel: ticked.incident.state.currentLevel };
}

/** What an announced attempt's row says until its answer is recorded. */
const ANNOUNCED: (typeof attemptOutcomeEnum.enumValues)[number] = "retrying";

export interface ClaimedMessage {
  message: DeliverInput;
  deliveryId: string;
}

/** The rate-limit tokens a claim takes for its first messages: `wanted` of one bucket. */
export interface ClaimTokens {
  bucket: OutboundBucket;
  wanted: number;
}

export interface Claimed {
  messages: ClaimedMessage[];
  /** What the claim's statement took, by bucket key: one decision for all of that bucket's messages. */
  tokens: Map<string, RateDecision>;
}

const compareKeys = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

const tokenRow = z.object({ key: z.string() }).passthrough();

/**
 * The claim's statement for one shape (which run columns it writes, how many first messages,
 * the lease, which buckets' tokens it takes and how many), built by drizzle once: building it
 * took as much of the web process's CPU per incident as the rest of the claim. Each value is a
 * placeholder, filled per call through its column's encoder; the token buckets' figures stay
 * in the text's parameters (a few per integration), so they are part of the shape.
 */
const claimShapes = new Map<string, { prepared: { name: string; text: string }; params: unknown[] }>();
/** Shapes kept: a flow's first level is one shape per set of receivers' buckets; past this, the oldest goes. */
const CLAIM_SHAPES = 256;
const dialect = new PgDialect();

function claimStatement(
  db: Db,
  runRow: Record<string, unknown>,
  messageCount: number,
  leaseMs: number,
  ordered: readonly ClaimTokens[],
): { prepared: { name: string; text: string }; params: unknown[] } {
  const runKeys = Object.keys(runRow).filter((key) => runRow[key] !== undefined);
  const shape = JSON.stringify([
    runKeys,
    messageCount,
    leaseMs,
    ordered.map(({ bucket, wanted }) => [bucket.key, bucket.eventsPerMinute, wanted]),
  ]);
  const known = claimShapes.get(shape);
  if (known) return known;
  const { sql: text, params } = dialect.sqlToQuery(claimSql(db, runKeys, messageCount, leaseMs, ordered));
  const built = {
    prepared: { name: `alertflow_${createHash("sha1").update(text).digest("base64url")}`, text },
    params,
  };
  if (claimShapes.size >= CLAIM_SHAPES) {
    const oldest = claimShapes.keys().next();
    if (!oldest.done) claimShapes.delete(oldest.value);
  }
  claimShapes.set(shape, built);
  return built;
}

const p = (name: string) => sql.placeholder(name);

function claimSql(
  db: Db,
  runKeys: readonly string[],
  messageCount: number,
  leaseMs: number,
  ordered: readonly ClaimTokens[],
): SQL {
  // One statement, so no transaction (one round trip instead of four): the claim (the partial
  // unique index on the open inbox of a workflow id lets one request win) decides whether the run
  // and the first messages are written; a lost claim writes nothing.
  const claim = db
    .insert(incidentInboxes)
    .values({ id: p("inboxId"), workflowId: p("workflowId"), startInput: p("startInput") })
    .onConflictDoNothing()
    .returning({ id: incidentInboxes.id });
  // Each value a placeholder, encoded by its column when filled.
  const run = rowForSelect(runs, Object.fromEntries(runKeys.map((key) => [key, p(`run_${key}`)])));
  const takes = ordered.map(
    ({ bucket, wanted }, i) =>
      sql`, ${sql.identifier(`token_${i}`)} as (${gatedTakeSql(sql`exists (select 1 from claim)`, bucket, wanted)})`,
  );
  const taken =
    takes.length === 0
      ? sql`null::json`
      : sql`(select json_agg(t) from (${sql.join(
          ordered.map((_, i) => sql`select * from ${sql.identifier(`token_${i}`)}`),
          sql` union all `,
        )}) as t)`;
  // The delivery rows and their announced attempt 1: attempt 1 shows as interrupted until the
  // answer is recorded, so a web process killed while the request is out leaves exactly this, and
  // the workflow's attempt takes number 2. Their workspace and flow are given here: the run,
  // written by this statement, is not visible yet to the trigger that copies them from it.
  const firstMessages =
    messageCount === 0
      ? sql`${sql.join(takes)} select exists (select 1 from claim) as claimed, null::uuid as id, null::text as key, ${taken} as tokens`
      : sql`, d as (
          insert into ${deliveries} (run_id, integration_id, node_id, message_type, level, reminder_number,
            idempotency_key, is_fallback, attempts, leased_until, workspace_id, flow_id)
          select * from (values ${sql.join(
            Array.from(
              { length: messageCount },
              (
                _,
                i,
              ) => sql`(${p("runId")}::uuid, ${p(`m${i}_integration`)}::uuid, ${p(`m${i}_node`)}::text, ${p(`m${i}_type`)}::text,
                ${p(`m${i}_level`)}::integer, ${p(`m${i}_reminder`)}::integer, ${p(`m${i}_key`)}::text, false, 1,
                clock_timestamp() + make_interval(secs => ${leaseMs / 1000}), ${p("workspaceId")}::uuid, ${p("flowId")}::uuid)`,
            ),
            sql`, `,
          )}) as m
          where exists (select 1 from claim)
          returning id, idempotency_key, created_at
        ), announced as (
          insert into ${deliveryAttempts} (delivery_id, run_id, attempt, started_at, outcome, latency_ms, error, error_reason)
          select id, ${p("runId")}::uuid, 1, created_at, ${ANNOUNCED}::${sql.identifier(attemptOutcomeEnum.enumName)}, 0, ${INTERRUPTED_ATTEMPT},
            ${JSON.stringify(INTERRUPTED_REASON)}::jsonb
          from d
        ) ${sql.join(takes)}
        select exists (select 1 from claim) as claimed, d.id, d.idempotency_key as key, ${taken} as tokens
        from (values (1)) as one (x) left join d on true`;
  return sql`with claim as ${claim}, opened as (
    insert into ${runs} (${run.columns}) select ${run.values} where exists (select 1 from claim)
  ) ${firstMessages}`;
}

/**
 * Opens the incident in Postgres, in one statement: its run row, its inbox (the claim: the
 * partial unique index on the open inbox of a workflow id lets one request win), the workflow's
 * whole input (for the re-start job, should the workflow not get started), its first messages'
 * delivery rows under a lease, each with attempt 1 announced, and their outbound rate-limit
 * tokens (`tokens`). Null when another request opened the incident first: the caller then
 * appends to its inbox, and neither rows nor tokens were taken.
 */
export async function claimIncident(
  db: Db,
  workflowId: string,
  input: EscalationInput,
  {
    leaseMs,
    first = firstMessagesOf(input),
    tokens = [],
  }: { leaseMs: number; first?: ReturnType<typeof firstMessagesOf>; tokens?: readonly ClaimTokens[] },
): Promise<Claimed | null> {
  const { messages, currentLevel } = first;
  const runRow = newRunRow({
    ...input,
    workflowId,
    firstErrorAt: input.firstEvent.receivedAt,
    alert: input.firstEvent.alert,
    currentLevel,
  });
  // The tokens, taken only by a won claim (six racing errors for a new key must not take six of
  // a phone's five), in key order so two claims sharing buckets lock them in the same order.
  const ordered = [...tokens].sort((a, b) => compareKeys(a.bucket.key, b.bucket.key));
  const values: Record<string, unknown> = {
    inboxId: input.runId,
    workflowId,
    startInput: input,
    runId: input.runId,
    workspaceId: input.workspaceId,
    flowId: input.flowId,
  };
  for (const [key, value] of Object.entries(runRow)) values[`run_${key}`] = value;
  messages.forEach((m, i) => {
    values[`m${i}_integration`] = m.target.integrationId;
    values[`m${i}_node`] = m.target.nodeId;
    values[`m${i}_type`] = m.messageType;
    values[`m${i}_level`] = m.level;
    values[`m${i}_reminder`] = m.reminderNumber;
    values[`m${i}_key`] = idempotencyKeyFor(m);
  });
  const statement = claimStatement(db, runRow, messages.length, leaseMs, ordered);
  // Prepared: Postgres plans the statement once per connection (the text is the same for a flow's first level).
  const written = await retryOnConflict(() =>
    queryPrepared<{ claimed: boolean; id: string | null; key: string | null; tokens: unknown[] | null }>(
      db,
      statement.prepared,
      fillPlaceholders(statement.params, values),
    ),
  );
  markIngress("claimWritten");
  if (!written[0]?.claimed) return null;
  const idByKey = new Map(written.flatMap((row) => (row.id && row.key ? [[row.key, row.id] as const] : [])));
  const decisions = new Map<string, RateDecision>();
  for (const row of written[0].tokens ?? []) {
    const { key } = tokenRow.parse(row);
    const asked = tokens.find((t) => t.bucket.key === key);
    if (asked) decisions.set(key, decisionOf(row, asked.bucket.eventsPerMinute, asked.wanted));
  }
  return {
    messages: messages.flatMap((message) => {
      const deliveryId = idByKey.get(idempotencyKeyFor(message));
      return deliveryId ? [{ message, deliveryId }] : [];
    }),
    tokens: decisions,
  };
}

/**
 * The receiver's answer must not be lost to a short database outage, nor to a deadlock with the
 * workflow's and the rollup triggers' writes of the same flow and hour (the message would go out
 * again when the lease runs out): recordAnswer tries the write again for this long.
 */
const RECORD_BUDGET = { budgetMs: 10_000 };

/**
 * Sends one message claimed under a lease on its delivery row (an incident's first message at
 * the endpoint, a planned one by the due-send job) and records the answer as attempt 1, which
 * ends the lease. A retryable answer is an attempt like any other: the workflow's delivery waits
 * what it asked for and tries again; a failure the same. Never rejects: nobody waits for this.
 */
export async function sendLeasedMessage(
  deps: {
    db: Db;
    send: MessageSender;
    random?: () => number;
    label?: string;
    /** Ends the lease of a message not sent here (default: the lease alone). */
    release?: (deliveryId: string) => Promise<void>;
  },
  { message, deliveryId }: ClaimedMessage,
  prepared?: { send: Promise<PreparedSend>; token?: RateDecision },
): Promise<void> {
  const label = deps.label ?? "inbound: first message";
  const key = idempotencyKeyFor(message);
  const startedAt = new Date();
  let outcome: SendOutcome;
  try {
    outcome = prepared ? await (await prepared.send).send(key, prepared.token) : await deps.send(message, key);
    markIngress("sent");
  } catch (error) {
    // Not a receiver's answer (the sender itself failed): the lease is released and the
    // workflow's delivery makes the next attempt now. The error's text is not kept: it is not
    // the receiver's, and it might quote what the sender read.
    console.warn(`${label} ${deliveryId} not sent here (${errorName(error)}); the workflow sends it`);
    const release =
      deps.release ??
      (async (id: string) => {
        await deps.db.update(deliveries).set({ leasedUntil: null }).where(eq(deliveries.id, id));
      });
    await release(deliveryId).catch(() => undefined);
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
    console.warn(`${label} ${deliveryId}: its answer not recorded (${errorCode(recordError)})`);
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
      // What the sends read (the integration, the allow list) is read on other connections before
      // and while the claim commits. The integration names the rate-limit bucket, whose token the
      // claim's statement takes (only when it wins: a claim that loses takes none of a receiver's
      // budget), so the claim waits for it (a cached read mostly); the request waits for the commit.
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
      // A read that failed takes no token: its send fails the same way and the workflow sends.
      const ready = new Map<string, PreparedSend | undefined>();
      await Promise.all(
        [...prepared].map(async ([key, preparing]) => ready.set(key, await preparing.catch(() => undefined))),
      );
      const wanted = new Map<string, ClaimTokens>();
      for (const { bucket } of [...ready.values()].flatMap((r) => (r ? [r] : []))) {
        if (!bucket) continue;
        wanted.set(bucket.key, { bucket, wanted: (wanted.get(bucket.key)?.wanted ?? 0) + 1 });
      }
      const claimed = await claimIncident(deps.db, workflowId, input, { leaseMs, first, tokens: [...wanted.values()] });
      if (!claimed) return null;
      return {
        sendAll: async () => {
          // The sends start once the answer is on its way: what they read is there already, so
          // without this turn their rendering would run ahead of the 202.
          await new Promise((resolve) => setImmediate(resolve));
          await Promise.all(
            claimed.messages.map((message) => {
              const key = idempotencyKeyFor(message.message);
              const preparing = prepared.get(key);
              if (!preparing) return sendLeasedMessage(deps, message);
              const bucket = ready.get(key)?.bucket;
              return sendLeasedMessage(deps, message, {
                send: preparing,
                token: bucket ? claimed.tokens.get(bucket.key) : undefined,
              });
            }),
          );
        },
      };
    },
  };
}
