import { sql } from "drizzle-orm";
import { OPEN_RUN_STATUSES } from "~/core/escalation/run-status";
import type { Db } from "./client";

export interface RetentionOptions {
  /** Runs deleted per statement: short transactions, so the run list and the workers never wait long. */
  batchSize?: number;
  /** Stop after this many batches; the next pass continues. */
  maxBatches?: number;
}

/**
 * Deletes finished runs that began longer ago than their workspace's `retention_days`, with their
 * events, deliveries and delivery attempts (the foreign keys cascade). Open runs are kept however
 * old: their incident is still going. Batches take their rows with SKIP LOCKED, so two workers
 * running the job at once share the work instead of waiting on each other. Returns how many runs
 * went.
 */
export async function deleteExpiredRuns(db: Db, { batchSize = 500, maxBatches = 100 }: RetentionOptions = {}) {
  const open = sql.join(
    OPEN_RUN_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  );
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const result = await db.execute(sql`
      delete from runs where id in (
        select r.id from runs r join workspaces w on w.id = r.workspace_id
        where r.created_at < now() - make_interval(days => w.retention_days)
          and r.status not in (${open})
        limit ${batchSize}
        for update of r skip locked)`);
    const count = result.rowCount ?? 0;
    deleted += count;
    if (count < batchSize) break;
  }
  return deleted;
}
