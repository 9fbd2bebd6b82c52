import { sql } from "drizzle-orm";
import type { Db } from "~/db/client";

/** Deltas per statement: a long backlog (the worker was down) folds in several short transactions. */
const FOLD_BATCH = 20_000;

/**
 * Folds the rollup deltas the triggers appended (run_rollup_deltas, run_latency_rollup_deltas)
 * into run_rollups and run_latency_rollups, batch by batch until none are left, with SQL function
 * alertflow_rollup_fold (migration 0020): one set-based statement per batch that deletes the
 * deltas it adds. Safe to run from several processes at once: each takes deltas the others do
 * not hold. Returns how many deltas it folded.
 */
export async function foldRollupDeltas(db: Db, batch = FOLD_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.execute<{ folded: string }>(sql`select alertflow_rollup_fold(${batch}) as folded`);
    const folded = Number(result.rows[0]?.folded ?? 0);
    total += folded;
    // Fewer than a full batch of either kind: the backlog is gone, or another folder holds the rest.
    if (folded < batch) return total;
  }
}
