import { isConnectionError } from "~/db/connection-retry";
import { z } from "zod";
import { FIRST_MESSAGE_LEASE_MS } from "./activities/deliver";
import { createIntegrationSender, type SenderDeps } from "./activities/integration-sender";
import { sendLeasedMessage } from "./activities/first-message";
import { preparedStatement, runPrepared } from "./activities/prepared-statement";
import { INTERRUPTED_ATTEMPT, INTERRUPTED_REASON } from "./activities/record-attempt";
import { dueMessageOf } from "./due-message";

/**
 * Claims the planned sends that are due, in one statement: each row becomes `claimed` and its
 * message's delivery row is made under a lease, with attempt 1 announced, exactly as the alert
 * endpoint claims an incident's first messages. Only for an incident still escalating whose inbox
 * got no event since the plan (an Ok, an error the plan did not see) and whose sends no operator
 * stopped; the inbox row's lock orders this claim with appends and with the stop. A delivery row
 * that exists already (the workflow got there first) is left alone and nothing is sent for it.
 * A row whose integration was deleted since makes its delivery without one (the send then fails
 * as the workflow's would), so no row can fail the statement for the others. Rows due longer ago
 * than $5 seconds are the workflow's: the job looks only at a recent window of the index.
 * $1 how many, $2 the lease in seconds, $3 and $4 the interrupted attempt's error and reason.
 */
const CLAIM_DUE = preparedStatement(
  "claim_due_sends_v2",
  `with picked as (
    select d.id, d.run_id, d.idempotency_key, d.message, r.workspace_id, r.flow_id, g.id as integration_id
    from due_sends d
    join incident_inboxes i on i.id = d.run_id
    join runs r on r.id = d.run_id
    left join integrations g on g.id::text = d.message->'target'->>'integrationId'
    where d.state = 'waiting' and d.due_at <= clock_timestamp()
      and d.due_at > clock_timestamp() - make_interval(secs => $5::double precision)
      and i.closed_at is null and i.sends_stopped_at is null and i.last_seq <= d.basis_seq
      and r.status = 'escalating'
    order by d.due_at
    limit $1::int
    for update of d, i skip locked
  ), claimed as (
    update due_sends set state = 'claimed', claimed_at = clock_timestamp()
    from picked where due_sends.id = picked.id
  ), opened as (
    insert into deliveries (run_id, integration_id, node_id, message_type, level, reminder_number,
      idempotency_key, is_fallback, attempts, leased_until, workspace_id, flow_id)
    select p.run_id, p.integration_id, p.message->'target'->>'nodeId',
      p.message->>'messageType', (p.message->>'level')::int, (p.message->>'reminderNumber')::int,
      p.idempotency_key, false, 1, clock_timestamp() + make_interval(secs => $2::double precision),
      p.workspace_id, p.flow_id
    from picked p
    on conflict do nothing
    returning id, run_id, idempotency_key, created_at
  ), announced as (
    insert into delivery_attempts (delivery_id, run_id, attempt, started_at, outcome, latency_ms, error, error_reason)
    select id, run_id, 1, created_at, 'retrying', 0, $3::text, $4::jsonb from opened
  )
  select o.id as delivery_id, p.message from picked p join opened o on o.idempotency_key = p.idempotency_key`,
);

const claimedRow = z.object({ delivery_id: z.string(), message: z.unknown() });

/**
 * When the next planned send in the window falls due, in milliseconds from now (negative: one is
 * due already but was not claimable), or null when none waits. $1 the window in seconds.
 */
const NEXT_DUE = preparedStatement(
  "next_due_send",
  `select (extract(epoch from min(due_at) - clock_timestamp()) * 1000)::float8 as in_ms
  from due_sends where state = 'waiting' and due_at > clock_timestamp() - make_interval(secs => $1::double precision)`,
);

const nextDueRow = z.object({ in_ms: z.number().nullable() });

/**
 * A claimed message the job did not send after all (unreadable, or its sender failed before the
 * request): its lease ends, so the workflow's delivery sends it now, and its row goes, so an
 * action or an Ok after this does not count it as sent (see takeBackDueSends).
 */
const RELEASE_DUE = preparedStatement(
  "release_due_send",
  `with gone as (
    delete from due_sends where idempotency_key = (select idempotency_key from deliveries where id = $1::uuid)
  )
  update deliveries set leased_until = null where id = $1::uuid and status = 'pending'`,
);

export interface DueSendJobOptions {
  /**
   * How often the job looks while a send is due or about to be: about the most a planned send
   * waits for it.
   */
  everyMs?: number;
  /**
   * The longest it sleeps when nothing is due sooner: an idle worker looks once a second, not
   * twenty times. A plan written meanwhile for a moment sooner than that (a reminder every second)
   * is sent by its workflow's timer if the job wakes too late for it.
   */
  idleMs?: number;
  /**
   * Sends out at once, at most. A storm's level 2s fall due at 200/s and each takes a few hundred
   * milliseconds on busy cores: 64 held the claims back (late p99 0.82–1.05 s), 256 does not
   * (p99 389 ms; `npm run bench`, 1 Dec).
   */
  maxInFlight?: number;
  leaseMs?: number;
  /** Rows due longer ago than this are left to the workflows (the job was down or they were stopped). */
  windowMs?: number;
}

/**
 * Sends each incident's planned next messages (due_sends, written by its workflow with its run
 * record) when they fall due, without waiting for the workflow's task: in a storm those tasks
 * queue behind each other, and the escalation would be late by the queue. The workflow stays the
 * owner: its timer fires the same level, its delivery finds the row sent (or leased, and waits),
 * and it retries what failed. Runs in each worker process; concurrent jobs split the rows. Its
 * sender never waits for a rate-limit token (it sends under a lease, which must not run out
 * meanwhile): a message over its receiver's rate is recorded as such and the workflow retries it.
 */
export function startDueSendJob(
  deps: Omit<SenderDeps, "maxRateLimitWaitMs">,
  {
    everyMs = 50,
    idleMs = 1_000,
    maxInFlight = 256,
    leaseMs = FIRST_MESSAGE_LEASE_MS,
    windowMs = 10 * 60_000,
  }: DueSendJobOptions = {},
): () => Promise<void> {
  const { db } = deps;
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let failing = false;
  const release = async (deliveryId: string) => {
    await runPrepared(db, RELEASE_DUE, [deliveryId]);
  };
  const sendDeps = {
    db,
    send: createIntegrationSender({ ...deps, maxRateLimitWaitMs: 0 }),
    label: "due-send: message",
    release,
  };
  /** Claims and starts what is due; returns how long to wait before the next pass. */
  const pass = async (): Promise<number> => {
    while (!stopped && inFlight.size < maxInFlight) {
      const room = maxInFlight - inFlight.size;
      const rows = await runPrepared(db, CLAIM_DUE, [
        room,
        leaseMs / 1000,
        INTERRUPTED_ATTEMPT,
        JSON.stringify(INTERRUPTED_REASON),
        windowMs / 1000,
      ]);
      for (const claimed of rows.map((row) => claimedRow.parse(row))) {
        const message = dueMessageOf(claimed.message);
        const sending = message
          ? sendLeasedMessage(sendDeps, { deliveryId: claimed.delivery_id, message })
          : // Written by a version that reads it otherwise: the workflow sends it.
            release(claimed.delivery_id).catch(() => undefined);
        const tracked = sending.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
      }
      if (rows.length === 0) break;
      if (rows.length < room) return everyMs;
    }
    if (inFlight.size > 0) return everyMs;
    const [next] = (await runPrepared(db, NEXT_DUE, [windowMs / 1000])).map((r) => nextDueRow.parse(r));
    const inMs = next?.in_ms ?? null;
    return inMs === null ? idleMs : Math.min(idleMs, Math.max(everyMs, Math.ceil(inMs) + 1));
  };
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const loop = async () => {
    let waitMs = everyMs;
    try {
      waitMs = await pass();
      if (failing) console.log("due-send: passes succeed again");
      failing = false;
    } catch (error) {
      // Once per outage: meanwhile the workflows' own timers send what falls due.
      if (!failing) {
        const reason = isConnectionError(error) ? "database unreachable" : String(error);
        console.warn(`due-send: pass failed (${reason}); the workflows send what falls due meanwhile`);
      }
      failing = true;
    }
    if (!stopped) timer = setTimeout(() => (current = loop()), waitMs).unref();
  };
  timer = setTimeout(() => (current = loop()), everyMs).unref();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    // The pass under way may still claim: its sends start before these are awaited.
    await current;
    await Promise.all([...inFlight]);
  };
}
