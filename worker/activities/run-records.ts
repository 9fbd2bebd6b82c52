import { eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { storableJson } from "~/core/wire/storable-text";
import { openInbox } from "./incident-inbox";
import { runEventRow } from "~/db/run-event-rows";
import { setRunStatus } from "~/db/run-status";
import { dueSends, runEvents, runs } from "~/db/schema";
import type { ActivityDeps } from "./create-activities";
import { idempotencyKeyFor } from "./delivery-key";
import { preparedStatement, runPrepared } from "./prepared-statement";
import type { OpenRunInput, UpdateRunInput } from "./types";

/** A new run's row, the one place its fields are written (the workflow's openRun, the alert endpoint's first message). */
export function newRunRow(input: Omit<OpenRunInput, "temporalRunId" | "openInbox"> & { temporalRunId?: string }) {
  return {
    id: input.runId,
    workspaceId: input.workspaceId,
    flowId: input.flowId,
    flowVersionId: input.flowVersionId,
    alertKey: input.alertKey,
    workflowId: input.workflowId,
    temporalRunId: input.temporalRunId,
    firstErrorAt: new Date(input.firstErrorAt),
    alert: input.alert,
    currentLevel: input.currentLevel,
    // status: the column default, escalating; every change goes through setRunStatus.
  } satisfies typeof runs.$inferInsert;
}

/**
 * Activities can run twice after a worker crash; the primary key makes a second insert a no-op.
 * A run the alert endpoint opened (it sent the first message before the workflow existed) gets
 * its Temporal run id here. A query, so it can be awaited alone or go as a CTE ahead of the
 * run's first events.
 */
function insertRun(db: Db | Tx, input: OpenRunInput) {
  return db
    .insert(runs)
    .values(newRunRow(input))
    .onConflictDoUpdate({
      target: runs.id,
      set: { temporalRunId: input.temporalRunId },
      setWhere: isNull(runs.temporalRunId),
    });
}

export function createOpenRun({ db }: Pick<ActivityDeps, "db">) {
  return async function openRun(input: OpenRunInput): Promise<void> {
    await insertRun(db, input);
  };
}

/**
 * A run record without a status change as one statement (CTEs), one round trip and no
 * transaction of its own: the run's row if asked (a retry finds it and leaves it, but for its
 * Temporal run id), the incident's inbox with it, the level and resolution, and the timeline
 * events (unnested arrays, so the text is the same for any number of them). Every part is
 * idempotent. Postgres checks the events' and the inbox's references to the run at the end of the
 * statement, after the CTE that inserts it; the inbox's insert reads `closed`, so an inbox left
 * open under the same workflow id is closed before the new one is indexed as open.
 *
 * Parameters: see runRecordValues.
 */
export const RUN_RECORD_CTES = `
  with opened as (
    insert into runs (id, workspace_id, flow_id, flow_version_id, alert_key, workflow_id, temporal_run_id,
      first_error_at, alert, current_level, resolved_at)
    select $1::uuid, $3::uuid, $4::uuid, $5::uuid, $6::text, $7::text, $8::text, $9::timestamptz, $10::jsonb,
      case when $13::boolean then $14::int else coalesce($11::int, 0) end, $15::timestamptz
    where $2::boolean
    on conflict (id) do update
      set temporal_run_id = coalesce(runs.temporal_run_id, excluded.temporal_run_id),
        current_level = case when $13::boolean then excluded.current_level else runs.current_level end,
        resolved_at = coalesce($15::timestamptz, runs.resolved_at)
      where runs.temporal_run_id is null or $13::boolean or $15::timestamptz is not null
  ), patched as (
    update runs set current_level = case when $13::boolean then $14::int else current_level end,
      resolved_at = coalesce($15::timestamptz, resolved_at)
    where id = $1::uuid and not $2::boolean and ($13::boolean or $15::timestamptz is not null)
  ), closed as (
    update incident_inboxes set closed_at = now()
    where $12::boolean and workflow_id = $7::text and closed_at is null and id <> $1::uuid
    returning id
  ), inbox as (
    insert into incident_inboxes (id, workflow_id)
    select $1::uuid, $7::text where $12::boolean and (select count(*) from closed) >= 0
    on conflict (id) do update set start_input = null where incident_inboxes.start_input is not null
  ), recorded as (
    insert into run_events (id, run_id, at, type, level, node_id, detail)
    select coalesce(e.id, gen_random_uuid()), $1::uuid, coalesce(e.at, now()), e.type, e.level, e.node_id, e.detail
    from unnest($16::uuid[], $17::timestamptz[], $18::text[], $19::int[], $20::text[], $21::jsonb[])
      as e(id, at, type, level, node_id, detail)
    on conflict do nothing
  ), due_dropped as (
    delete from due_sends
    where $22::boolean and run_id = $1::uuid and state = 'waiting' and idempotency_key <> all($25::text[])
  ), due_planned as (
    insert into due_sends (run_id, idempotency_key, due_at, basis_seq, message)
    select $1::uuid, m.key, $23::timestamptz, $24::bigint, m.message
    from unnest($25::text[], $26::jsonb[]) as m(key, message)
    where $22::boolean
    on conflict (idempotency_key) do update
      set due_at = excluded.due_at, basis_seq = excluded.basis_seq, message = excluded.message
      where due_sends.state = 'waiting'
  )`;

/** How many parameters RUN_RECORD_CTES takes: a statement that adds its own numbers them after. */
export const RUN_RECORD_PARAMS = 26;

const RUN_RECORD = preparedStatement("run_record", `${RUN_RECORD_CTES} select 1`);

/**
 * The parameters of RUN_RECORD_CTES ($1–$26) for a record without a status change. $22–$26: the
 * incident's planned sends (DuePlan), when the record carries them: those still waiting that the
 * plan no longer holds are dropped, the rest written; a claimed one is the job's and stays.
 */
export function runRecordValues(runId: string, input: Omit<UpdateRunInput, "runId" | "status"> = { events: [] }) {
  const open = input.open ? newRunRow(input.open) : null;
  const events = input.events.map((e) => runEventRow(runId, e));
  return [
    runId,
    open !== null,
    open?.workspaceId ?? null,
    open?.flowId ?? null,
    open?.flowVersionId ?? null,
    open?.alertKey ?? null,
    open?.workflowId ?? null,
    open?.temporalRunId ?? null,
    open?.firstErrorAt.toISOString() ?? null,
    open ? storableJson(open.alert) : null,
    open?.currentLevel ?? null,
    input.open?.openInbox === true,
    input.currentLevel !== undefined,
    input.currentLevel ?? null,
    input.resolvedAt ?? null,
    events.map((e) => e.id ?? null),
    events.map((e) => e.at?.toISOString() ?? null),
    events.map((e) => e.type),
    events.map((e) => e.level ?? null),
    events.map((e) => e.nodeId ?? null),
    events.map((e) => storableJson(e.detail ?? {})),
    input.due !== undefined,
    input.due ? new Date(input.due.dueAtMs).toISOString() : null,
    input.due?.basisSeq ?? 0,
    input.due?.messages.map(idempotencyKeyFor) ?? [],
    input.due?.messages.map((m) => storableJson(m)) ?? [],
  ];
}

/**
 * Opens the run if asked, then writes its level, status and timeline events. Events carry ids
 * made by the workflow, so writing the same update twice stores each once.
 */
export async function writeRunRecord(db: Db, input: UpdateRunInput): Promise<void> {
  const { status, runId, ...rest } = input;
  // A status moves only from where it may (setRunStatus), once per incident: drizzle's transaction.
  if (status) await db.transaction((tx) => writeRunRecordIn(tx, input));
  else await runPrepared(db, RUN_RECORD, runRecordValues(runId, rest));
}

/** writeRunRecord with a status change, inside a transaction. */
async function writeRunRecordIn(tx: Tx, input: UpdateRunInput): Promise<void> {
  const eventRows = input.events.map((e) => runEventRow(input.runId, e));
  // The opening and its first events in one statement; the events' reference to the run is
  // checked at the statement's end, after the CTE.
  const openedWithEvents = input.open !== undefined && eventRows.length > 0;
  if (input.open && openedWithEvents) {
    const opened = tx.$with("opened").as(insertRun(tx, input.open).returning({ id: runs.id }));
    await tx.with(opened).insert(runEvents).values(eventRows).onConflictDoNothing();
  } else if (input.open) await insertRun(tx, input.open);
  if (input.open?.openInbox) await openInbox(tx, input.open.runId, input.open.workflowId);
  const patch: Pick<typeof runs.$inferInsert, "currentLevel" | "resolvedAt"> = {};
  if (input.currentLevel !== undefined) patch.currentLevel = input.currentLevel;
  if (input.resolvedAt) patch.resolvedAt = new Date(input.resolvedAt);
  if (input.status) await setRunStatus(tx, input.runId, input.status, patch);
  else if (Object.keys(patch).length > 0) await tx.update(runs).set(patch).where(eq(runs.id, input.runId));
  if (!openedWithEvents && eventRows.length > 0) {
    await tx.insert(runEvents).values(eventRows).onConflictDoNothing();
  }
  // The incident ended: nothing planned goes out any more, and what went out is recorded.
  if (input.status) await tx.delete(dueSends).where(eq(dueSends.runId, input.runId));
}

export function createUpdateRun({ db }: Pick<ActivityDeps, "db">) {
  return async function updateRun(input: UpdateRunInput): Promise<void> {
    await writeRunRecord(db, input);
  };
}
