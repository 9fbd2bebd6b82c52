import { eq } from "drizzle-orm";
import { runEventRow } from "~/db/run-event-rows";
import { setRunStatus } from "~/db/run-status";
import { runEvents, runs } from "~/db/schema";
import type { ActivityDeps } from "./create-activities";
import type { OpenRunInput, UpdateRunInput } from "./types";

export function createOpenRun({ db }: Pick<ActivityDeps, "db">) {
  return async function openRun(input: OpenRunInput): Promise<void> {
    // Local activities can run twice after a worker crash; the primary key makes that a no-op.
    await db
      .insert(runs)
      .values({
        id: input.runId,
        workspaceId: input.workspaceId,
        flowId: input.flowId,
        flowVersionId: input.flowVersionId,
        alertKey: input.alertKey,
        workflowId: input.workflowId,
        temporalRunId: input.temporalRunId,
        firstErrorAt: new Date(input.firstErrorAt),
        alert: input.alert,
        // status: the column default, escalating; every change goes through setRunStatus.
      })
      .onConflictDoNothing();
  };
}

export function createUpdateRun({ db }: Pick<ActivityDeps, "db">) {
  return async function updateRun(input: UpdateRunInput): Promise<void> {
    await db.transaction(async (tx) => {
      const patch: Pick<typeof runs.$inferInsert, "currentLevel" | "resolvedAt"> = {};
      if (input.currentLevel !== undefined) patch.currentLevel = input.currentLevel;
      if (input.resolvedAt) patch.resolvedAt = new Date(input.resolvedAt);
      if (input.status) await setRunStatus(tx, input.runId, input.status, patch);
      else if (Object.keys(patch).length > 0) await tx.update(runs).set(patch).where(eq(runs.id, input.runId));
      if (input.events.length > 0) {
        await tx
          .insert(runEvents)
          .values(input.events.map((e) => runEventRow(input.runId, e)))
          .onConflictDoNothing();
      }
    });
  };
}
