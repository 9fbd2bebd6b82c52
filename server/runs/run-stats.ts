import { and, count, eq, gte, sql } from "drizzle-orm";
import { runs } from "~/db/schema";
import type { RunStatsInput } from "./run-inputs";
import { runFilterConditions } from "./run-filters";
import type { RunScope } from "./run-scope";
import { bucketWindow, fillBuckets } from "./stats-buckets";

/**
 * Incidents per time bucket and status for the chart above the list, plus how many are
 * escalating right now (the list refreshes itself while that is above zero).
 */
export async function runStats({ db, workspaceId }: RunScope, input: RunStatsInput, now = new Date()) {
  const window = bucketWindow(input.range, now);
  const filters = runFilterConditions(workspaceId, input);
  // date_bin from the Unix epoch keeps boundaries in UTC whatever the session time zone is.
  // The width is inlined (our own integer): a bound parameter would differ between SELECT and
  // GROUP BY, which Postgres then refuses.
  const width = sql.raw(`'${window.bucketMs / 1000} seconds'`);
  const bucket = sql`date_bin(${width}::interval, ${runs.createdAt}, 'epoch'::timestamptz)`.mapWith(runs.createdAt);
  const [rows, [open]] = await Promise.all([
    db
      .select({ bucket, status: runs.status, count: count() })
      .from(runs)
      .where(and(...filters, gte(runs.createdAt, window.since)))
      .groupBy(bucket, runs.status),
    db
      .select({ escalating: count() })
      .from(runs)
      .where(and(...filters, eq(runs.status, "escalating"))),
  ]);
  const { buckets, totals } = fillBuckets(window, rows);
  return {
    range: input.range,
    bucketHours: window.bucketMs / 3_600_000,
    buckets,
    totals,
    escalatingNow: open?.escalating ?? 0,
  };
}
