import { and, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { z } from "zod";
import { readInboxEvent } from "~/db/jsonb-columns";
import { incidentInboxes } from "~/db/schema";
import type { ActivityDeps } from "./create-activities";
import { preparedStatement, runPrepared } from "./prepared-statement";
import type { TakeInboxInput, TakeInboxResult } from "./types";

/** A batch stays well under Temporal's payload limits: events carry descriptions of up to 100 kB. */
const BATCH_ROWS = 500;
const BATCH_BYTES = 512 * 1024;

/**
 * Opens the incident's inbox with its run row (same transaction). An inbox still open under the
 * same workflow id belongs to an incident whose workflow ended without closing it (terminated by
 * hand): it is closed, so appends reach this incident.
 */
export async function openInbox(tx: Tx, inboxId: string, workflowId: string): Promise<void> {
  await tx
    .update(incidentInboxes)
    .set({ closedAt: sql`now()` })
    .where(
      and(
        eq(incidentInboxes.workflowId, workflowId),
        isNull(incidentInboxes.closedAt),
        ne(incidentInboxes.id, inboxId),
      ),
    );
  // Opened by the alert endpoint already (its claim of the incident): the workflow runs, so the
  // input kept for the re-start job is no longer needed.
  await tx
    .insert(incidentInboxes)
    .values({ id: inboxId, workflowId })
    .onConflictDoUpdate({
      target: incidentInboxes.id,
      set: { startInput: null },
      setWhere: isNotNull(incidentInboxes.startInput),
    });
}

/**
 * Reads the events after `afterSeq`, in order, and clears the poke mark under the inbox row's lock:
 * an append that commits after this sees the mark cleared and pokes again. Nothing is deleted
 * here: if the workflow task that ran this is lost (worker killed), its retry reads the same
 * events, and the workflow applies each seq once. `close` ends appends (later events go through
 * Temporal to the next incident); `closedBefore` says an earlier, lost attempt of the workflow
 * task already closed it. `pruneThrough` deletes events applied in an earlier, completed
 * run of the workflow, which can never be read again. `keepPoked`: see TakeInboxInput.
 *
 * One statement (lock, mark, prune, read): one round trip instead of a transaction of four. Its
 * read sees the snapshot taken when the statement began, its lock the inbox row as it is when the
 * lock is granted; an append that committed in between (the take waited for its lock) has a seq at
 * or below `lastSeq` that the read did not see. Such a take is run again (the mark is set again
 * under the lock, the prune finds nothing more): clearing the mark with an event unread would
 * leave that event waiting for the next append.
 */
export async function takeInboxEvents(db: Db, input: TakeInboxInput): Promise<TakeInboxResult> {
  let closedBefore: boolean | undefined;
  for (let tries = 0; ; tries++) {
    const taken = await takeOnce(db, input, tries >= SNAPSHOT_RETRIES);
    // As the first try found it: a closing take's later tries find the inbox closed by the first.
    closedBefore ??= taken.result.closedBefore;
    if (taken.complete) return { ...taken.result, closedBefore };
  }
}

/**
 * How often a take is read again when its snapshot missed events an append committed while the
 * take waited for the inbox row's lock; after that the inbox is left marked poked (the re-poke job
 * then pokes it), which is never wrong, only later.
 */
const SNAPSHOT_RETRIES = 3;

/** A take's row: the inbox's newest seq and state, and one waiting event (none: null). */
const takeRowSchema = z.object({
  last_seq: z.string(),
  closed_before: z.boolean(),
  seq: z.string().nullable(),
  event: z.unknown(),
  due_sent_at: z.string().nullable(),
});

/**
 * Lock, mark, prune and read in one statement. Parameters: $1 inbox id, $2 afterSeq, $3 the batch's
 * rows, $4 keep the mark (busy), $5 last try, $6 close, $7 prune through (0: none). It also reads
 * the latest due time the due-send job sent (dueSentAtMs): a claim commits under the inbox row's
 * lock, so one that came before an event this take reads is seen by it.
 */
const TAKE = preparedStatement(
  "take_inbox_events",
  `
    with inbox as (
      select id, last_seq, closed_at from incident_inboxes where id = $1::uuid for update
    ), waiting as (
      select seq, event from inbox_events where inbox_id = $1::uuid and seq > $2::bigint
      order by seq limit $3::int
    ), marked as (
      update incident_inboxes i
      set poked_at = case
          when $4::boolean and inbox.last_seq > $2::bigint then clock_timestamp()
          -- The read missed events (see takeInboxEvents): the mark stays for the re-poke job.
          when $5::boolean and inbox.last_seq > coalesce((select max(seq) from waiting), $2::bigint)
            and (select count(*) from waiting) < $3::int then clock_timestamp()
        end,
        closed_at = case when $6::boolean then coalesce(inbox.closed_at, now()) else inbox.closed_at end
      from inbox where i.id = inbox.id
    ), pruned as (
      delete from inbox_events where $7::bigint > 0 and inbox_id = $1::uuid and seq <= $7::bigint
    )
    select inbox.last_seq, inbox.closed_at is not null as closed_before, waiting.seq, waiting.event,
      (select (extract(epoch from max(due_at)) * 1000)::bigint from due_sends
        where run_id = $1::uuid and state = 'claimed') as due_sent_at
    from inbox left join waiting on true order by waiting.seq`,
);

async function takeOnce(
  db: Db,
  input: TakeInboxInput,
  lastTry: boolean,
): Promise<{ result: TakeInboxResult; complete: boolean }> {
  // A busy incident drains again on its own timer: while events keep coming, the mark stays
  // (its time refreshed, so the re-poke job leaves it alone) and appends send no poke.
  const keep = input.keepPoked === true && !input.close;
  const close = input.close === true;
  const prune = input.pruneThrough ?? 0;
  const found = await runPrepared(db, TAKE, [input.inboxId, input.afterSeq, BATCH_ROWS, keep, lastTry, close, prune]);
  const takeRows = found.map((row) => takeRowSchema.parse(row));
  const first = takeRows[0];
  if (!first) return { result: { events: [], lastSeq: input.afterSeq, closedBefore: false }, complete: true };
  const lastSeq = Number(first.last_seq);
  const rows = takeRows.flatMap((row) => (row.seq === null ? [] : [{ seq: Number(row.seq), event: row.event }]));
  const missed = rows.length < BATCH_ROWS && (rows.at(-1)?.seq ?? input.afterSeq) < lastSeq;
  if (missed && !lastTry)
    return { result: { events: [], lastSeq, closedBefore: first.closed_before }, complete: false };
  let bytes = 0;
  const events: TakeInboxResult["events"] = [];
  for (const row of rows) {
    const event = readInboxEvent(row.event);
    bytes += JSON.stringify(event).length;
    if (events.length > 0 && bytes > BATCH_BYTES) break;
    events.push({ seq: row.seq, event });
  }
  const keptPoked = keep && lastSeq > input.afterSeq;
  return {
    result: {
      events,
      lastSeq,
      closedBefore: first.closed_before,
      ...(keptPoked ? { keptPoked } : {}),
      ...(first.due_sent_at === null ? {} : { dueSentAtMs: Number(first.due_sent_at) }),
    },
    complete: true,
  };
}

export function createTakeInboxEvents({ db }: Pick<ActivityDeps, "db">) {
  return async function takeInboxEventsActivity(input: TakeInboxInput): Promise<TakeInboxResult> {
    return takeInboxEvents(db, input);
  };
}

/** How long a closed inbox keeps its events: far beyond any retry of the workflow task that read them. */
export const CLOSED_INBOX_KEPT_HOURS = 24;

/**
 * Deletes the events of inboxes closed more than a day ago (the inbox rows stay with their runs).
 * The workflow never deletes at its close: a workflow task lost after its final drain is retried
 * and reads the same events again, so they must outlive any such retry.
 */
export async function pruneClosedInboxes(db: Db, keptHours = CLOSED_INBOX_KEPT_HOURS): Promise<number> {
  const deleted = await db.execute(sql`
    delete from inbox_events where inbox_id in (
      select id from incident_inboxes where closed_at < now() - make_interval(hours => ${keptHours})
    )`);
  return deleted.rowCount ?? 0;
}
