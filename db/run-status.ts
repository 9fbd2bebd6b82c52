import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "./client";
import { OPEN_RUN_STATUSES } from "~/core/escalation/run-status";
import { runs, type RunStatus } from "./schema";

/**
 * The one writer of `runs.status`. A run starts `escalating` (the column default); an operator
 * may acknowledge it; the workflow ends it. A finished run never changes again, so a retried or
 * late write cannot reopen or relabel it.
 */
const MOVES_TO: Record<RunStatus, readonly RunStatus[]> = {
  escalating: [],
  acknowledged: ["escalating"],
  resolved: OPEN_RUN_STATUSES,
  failed: OPEN_RUN_STATUSES,
  cancelled: OPEN_RUN_STATUSES,
};

type Writer = Pick<Db, "update">;

/** Moves the run to `status` if it may go there from where it is; true when it did. */
export async function setRunStatus(
  db: Writer,
  runId: string,
  status: RunStatus,
  alongside: Pick<typeof runs.$inferInsert, "currentLevel" | "resolvedAt"> = {},
): Promise<boolean> {
  const from = MOVES_TO[status];
  if (from.length === 0) return false;
  const moved = await db
    .update(runs)
    // The first acknowledgement is the one time to acknowledge (MTTA) counts to.
    .set({ ...alongside, status, ...(status === "acknowledged" ? { acknowledgedAt: sql`now()` } : {}) })
    .where(and(eq(runs.id, runId), inArray(runs.status, [...from])))
    .returning({ id: runs.id });
  return moved.length > 0;
}
