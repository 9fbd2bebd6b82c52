import { and, asc, eq, gt, isNotNull, isNull, lte, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { inboxEvents, incidentInboxes } from "~/db/schema";
import type { ActivityDeps } from "./create-activities";
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
 */
export async function takeInboxEvents(db: Db, input: TakeInboxInput): Promise<TakeInboxResult> {
  return db.transaction((tx) => takeInboxEventsIn(tx, input));
}

/** takeInboxEvents inside a transaction of the caller's (the opening's adoption shares one). */
export async function takeInboxEventsIn(tx: Tx, input: TakeInboxInput): Promise<TakeInboxResult> {
  const [inbox] = await tx
    .select({ lastSeq: incidentInboxes.lastSeq, closedAt: incidentInboxes.closedAt })
    .from(incidentInboxes)
    .where(eq(incidentInboxes.id, input.inboxId))
    .for("update");
  if (!inbox) return { events: [], lastSeq: input.afterSeq, closedBefore: false };
  // A busy incident drains again on its own timer: while events keep coming, the mark stays
  // (its time refreshed, so the re-poke job leaves it alone) and appends send no poke.
  const keptPoked = input.keepPoked === true && !input.close && inbox.lastSeq > input.afterSeq;
  await tx
    .update(incidentInboxes)
    .set({
      pokedAt: keptPoked ? sql`clock_timestamp()` : null,
      ...(input.close && !inbox.closedAt ? { closedAt: sql`now()` } : {}),
    })
    .where(eq(incidentInboxes.id, input.inboxId));
  if (input.pruneThrough !== undefined && input.pruneThrough > 0) {
    await tx
      .delete(inboxEvents)
      .where(and(eq(inboxEvents.inboxId, input.inboxId), lte(inboxEvents.seq, input.pruneThrough)));
  }
  const rows = await tx
    .select({ seq: inboxEvents.seq, event: inboxEvents.event })
    .from(inboxEvents)
    .where(and(eq(inboxEvents.inboxId, input.inboxId), gt(inboxEvents.seq, input.afterSeq)))
    .orderBy(asc(inboxEvents.seq))
    .limit(BATCH_ROWS);
  let bytes = 0;
  const events: TakeInboxResult["events"] = [];
  for (const row of rows) {
    bytes += JSON.stringify(row.event).length;
    if (events.length > 0 && bytes > BATCH_BYTES) break;
    events.push(row);
  }
  return {
    events,
    lastSeq: inbox.lastSeq,
    closedBefore: inbox.closedAt !== null,
    ...(keptPoked ? { keptPoked } : {}),
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
