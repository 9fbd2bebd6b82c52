import { and, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import { deliveries, runs } from "~/db/schema";
import type { RunInsightsInput } from "./run-inputs";
import type { RunScope } from "./run-scope";
import { bucketWindow } from "./stats-buckets";

export interface InsightBucket {
  /** Start of the bucket (UTC-aligned). */
  start: Date;
  incidents: number;
  sent: number;
  failed: number;
  /** Delivery latency of the messages finished in the bucket; null when there were none. */
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  /** Mean time from first error to acknowledgement, of the incidents begun in the bucket. */
  mttaMs: number | null;
  /** Mean time from first error to resolution, of the incidents begun in the bucket. */
  mttrMs: number | null;
}

export type InsightTotals = Omit<InsightBucket, "start"> & { acknowledged: number; resolved: number };

// date_part is float8; extract() is numeric, several times slower to average over 100,000 rows.
const ms = (interval: SQL) => sql`(date_part('epoch', ${interval}) * 1000)`;
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * Per flow or per integration: incidents over time, messages sent and failed, delivery latency
 * p50/p95, MTTA and MTTR, all computed by Postgres. Each query groups by the bucket and by
 * nothing (GROUPING SETS), so the window's totals are true percentiles and means, not averages
 * of the buckets'.
 */
export async function runInsights({ db, workspaceId }: RunScope, input: RunInsightsInput, now = new Date()) {
  const window = bucketWindow(input.range, now);
  // Inlined, our own integer: a bound parameter would differ between SELECT and GROUP BY.
  const width = sql.raw(`'${window.bucketMs / 1000} seconds'`);
  const runBucket = sql`date_bin(${width}::interval, ${runs.createdAt}, 'epoch'::timestamptz)`;
  const deliveryBucket = sql`date_bin(${width}::interval, ${deliveries.createdAt}, 'epoch'::timestamptz)`;

  const runConditions: SQL[] = [eq(runs.workspaceId, workspaceId), gte(runs.createdAt, window.since)];
  if (input.flowId) runConditions.push(eq(runs.flowId, input.flowId));
  if (input.integrationId) {
    runConditions.push(
      // A run's messages are created after it, so those of runs in the window are in it too.
      sql`${runs.id} in (select ${deliveries.runId} from ${deliveries} where ${deliveries.workspaceId} = ${workspaceId} and ${deliveries.integrationId} = ${input.integrationId} and ${deliveries.createdAt} >= ${window.since})`,
    );
  }
  // deliveries carries its run's workspace and flow (copied on insert): no join with runs.
  const deliveryConditions: SQL[] = [
    eq(deliveries.workspaceId, workspaceId),
    gte(deliveries.createdAt, window.since),
    inArray(deliveries.status, ["delivered", "failed"]),
  ];
  if (input.flowId) deliveryConditions.push(eq(deliveries.flowId, input.flowId));
  if (input.integrationId) deliveryConditions.push(eq(deliveries.integrationId, input.integrationId));

  const [incidentRows, messageRows] = await db.transaction(async (tx) => {
    // A month of runs is ~100,000 small rows to group and sort: in memory, not in temp files.
    await tx.execute(sql`set local work_mem = '32MB'`);
    const incidents = await tx
      .select({
        bucket: sql<Date | null>`${runBucket}`.mapWith(runs.createdAt),
        incidents: sql<number>`count(*)::int`,
        acknowledged: sql<number>`count(${runs.acknowledgedAt})::int`,
        resolved: sql<number>`count(*) filter (where ${runs.status} = 'resolved')::int`,
        mttaMs: sql<string | null>`avg(${ms(sql`${runs.acknowledgedAt} - ${runs.firstErrorAt}`)})`,
        mttrMs: sql<
          string | null
        >`avg(${ms(sql`${runs.resolvedAt} - ${runs.firstErrorAt}`)}) filter (where ${runs.status} = 'resolved')`,
      })
      .from(runs)
      .where(and(...runConditions))
      .groupBy(sql`grouping sets ((${runBucket}), ())`);
    const messages = await tx
      .select({
        bucket: sql<Date | null>`${deliveryBucket}`.mapWith(deliveries.createdAt),
        sent: sql<number>`count(*) filter (where ${deliveries.status} = 'delivered')::int`,
        failed: sql<number>`count(*) filter (where ${deliveries.status} = 'failed')::int`,
        p50: sql<number | null>`percentile_cont(0.5) within group (order by ${deliveries.latencyMs})`,
        p95: sql<number | null>`percentile_cont(0.95) within group (order by ${deliveries.latencyMs})`,
      })
      .from(deliveries)
      .where(and(...deliveryConditions))
      .groupBy(sql`grouping sets ((${deliveryBucket}), ())`);
    return [incidents, messages] as const;
  });

  const buckets: InsightBucket[] = Array.from({ length: window.count }, (_, i) => ({
    start: new Date(window.since.getTime() + i * window.bucketMs),
    incidents: 0,
    sent: 0,
    failed: 0,
    latencyP50Ms: null,
    latencyP95Ms: null,
    mttaMs: null,
    mttrMs: null,
  }));
  const totals: InsightTotals = {
    incidents: 0,
    sent: 0,
    failed: 0,
    latencyP50Ms: null,
    latencyP95Ms: null,
    mttaMs: null,
    mttrMs: null,
    acknowledged: 0,
    resolved: 0,
  };
  const at = (bucket: Date | null) =>
    bucket ? buckets[(bucket.getTime() - window.since.getTime()) / window.bucketMs] : undefined;
  for (const row of incidentRows) {
    const fields = { incidents: row.incidents, mttaMs: num(row.mttaMs), mttrMs: num(row.mttrMs) };
    if (row.bucket === null) Object.assign(totals, fields, { acknowledged: row.acknowledged, resolved: row.resolved });
    else {
      const bucket = at(row.bucket);
      if (bucket) Object.assign(bucket, fields);
    }
  }
  for (const row of messageRows) {
    const fields = { sent: row.sent, failed: row.failed, latencyP50Ms: num(row.p50), latencyP95Ms: num(row.p95) };
    if (row.bucket === null) Object.assign(totals, fields);
    else {
      const bucket = at(row.bucket);
      if (bucket) Object.assign(bucket, fields);
    }
  }
  return { range: input.range, bucketHours: window.bucketMs / 3_600_000, buckets, totals };
}
