import { and, count, eq, gte, sql } from "drizzle-orm";
import { runs } from "~/db/schema";
import { RUN_STATUSES, type RunStatsInput } from "./run-inputs";
import { runFilterConditions } from "./run-filters";
import type { RunScope } from "./run-scope";
import { bucketWindow, fillBuckets, zeroCounts, type BucketWindow, type StatsBucket } from "./stats-buckets";
import { collectFacts } from "./run-facts";

/** Only the flow and the time filters are kept in the rollup; text, key and labels need the runs. */
const rollupAnswers = (input: RunStatsInput) => !input.alertKey && !input.q?.trim() && !input.labels?.length;

async function rolledUpCounts({ db, workspaceId }: RunScope, input: RunStatsInput, window: BucketWindow, now: Date) {
  const from = input.from && new Date(input.from) > window.since ? new Date(input.from) : window.since;
  const until = input.to ? new Date(input.to) : null;
  const empty = () => ({
    buckets: Array.from({ length: window.count }, (_, i): StatsBucket => ({
      start: new Date(window.since.getTime() + i * window.bucketMs),
      ...zeroCounts(),
    })),
    totals: zeroCounts(),
  });
  if (until && until <= from) return empty();
  const facts = await collectFacts(db, { workspaceId, flowId: input.flowId }, window, { from, until }, now);
  const totals = zeroCounts();
  for (const status of RUN_STATUSES) totals[status] = facts.totals[status];
  return {
    buckets: facts.buckets.map(({ start, facts: f }): StatsBucket => {
      const bucket: StatsBucket = { start, ...zeroCounts() };
      for (const status of RUN_STATUSES) bucket[status] = f[status];
      return bucket;
    }),
    totals,
  };
}

async function rawCounts({ db, workspaceId }: RunScope, input: RunStatsInput, window: BucketWindow) {
  const filters = runFilterConditions(workspaceId, input);
  // date_bin from the Unix epoch keeps boundaries in UTC whatever the session time zone is.
  // The width is inlined (our own integer): a bound parameter would differ between SELECT and
  // GROUP BY, which Postgres then refuses.
  const width = sql.raw(`'${window.bucketMs / 1000} seconds'`);
  const bucket = sql`date_bin(${width}::interval, ${runs.createdAt}, 'epoch'::timestamptz)`.mapWith(runs.createdAt);
  const rows = await db
    .select({ bucket, status: runs.status, count: count() })
    .from(runs)
    .where(and(...filters, gte(runs.createdAt, window.since)))
    .groupBy(bucket, runs.status);
  return fillBuckets(window, rows);
}

/**
 * Incidents per time bucket and status for the chart above the list, plus how many are
 * escalating right now (the list refreshes itself while that is above zero). Filtered by flow and
 * time only, the whole hours come from the hourly rollup (migration 0015); text, key prefix and
 * labels count the runs themselves.
 */
export async function runStats(scope: RunScope, input: RunStatsInput, now = new Date()) {
  const window = bucketWindow(input.range, now);
  const [{ buckets, totals }, [open]] = await Promise.all([
    rollupAnswers(input) ? rolledUpCounts(scope, input, window, now) : rawCounts(scope, input, window),
    scope.db
      .select({ escalating: count() })
      .from(runs)
      .where(and(...runFilterConditions(scope.workspaceId, input), eq(runs.status, "escalating"))),
  ]);
  return {
    range: input.range,
    bucketHours: window.bucketMs / 3_600_000,
    buckets,
    totals,
    escalatingNow: open?.escalating ?? 0,
  };
}
