import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "./client";
import { runs, runStatusEnum, type RunStatus } from "./schema";

/**
 * The one writer of `runs.status`. A run starts `escalating` (the column default); an operator
 * may acknowledge it; the workflow ends it. A finished run never changes again, so a retried or
 * late write cannot reopen or relabel it.
 */
const MOVES_TO: Record<RunStatus, readonly RunStatus[]> = {
  escalating: [],
  acknowledged: ["escalating"],
  resolved: ["escalating", "acknowledged"],
  failed: ["escalating", "acknowledged"],
  cancelled: ["escalating", "acknowledged"],
};

/** Still open: a run in one of these can still be acknowledged, resolved or cancelled. */
export const OPEN_RUN_STATUSES = runStatusEnum.enumValues.filter((s) => MOVES_TO.resolved.includes(s));

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
    .set({ ...alongside, status })
    .where(and(eq(runs.id, runId), inArray(runs.status, [...from])))
    .returning({ id: runs.id });
  return moved.length > 0;
}
