import { eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { openInbox } from "./incident-inbox";
import { runEventRow } from "~/db/run-event-rows";
import { setRunStatus } from "~/db/run-status";
import { runEvents, runs } from "~/db/schema";
import type { ActivityDeps } from "./create-activities";
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
 * Opens the run if asked, then writes its level, status and timeline events in one transaction.
 * Events carry ids made by the workflow, so writing the same update twice stores each once.
 */
export async function writeRunRecord(db: Db, input: UpdateRunInput): Promise<void> {
  await db.transaction((tx) => writeRunRecordIn(tx, input));
}

/** writeRunRecord inside a transaction of the caller's (the opening's adoption shares one). */
export async function writeRunRecordIn(tx: Tx, input: UpdateRunInput): Promise<void> {
  const eventRows = input.events.map((e) => runEventRow(input.runId, e));
  // The opening and its first events in one statement, one round trip (an incident's first
  // write); the events' reference to the run is checked at the statement's end, after the CTE.
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
}

export function createUpdateRun({ db }: Pick<ActivityDeps, "db">) {
  return async function updateRun(input: UpdateRunInput): Promise<void> {
    await writeRunRecord(db, input);
  };
}
