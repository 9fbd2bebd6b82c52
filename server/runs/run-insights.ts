import type { RunInsightsInput } from "./run-inputs";
import type { RunScope } from "./run-scope";
import { bucketWindow } from "./stats-buckets";
import { collectFacts, incidentCount, type RunFacts } from "./run-facts";
import { histogramPercentile } from "./latency-buckets";

export interface InsightBucket {
  /** Start of the bucket (UTC-aligned). */
  start: Date;
  incidents: number;
  sent: number;
  failed: number;
  /**
   * Delivery latency of the messages finished in the bucket, estimated from the latency buckets
   * (latency-buckets.ts: within 9.1 % of the latency at that rank); null when there were none.
   */
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  /** Mean time from first error to acknowledgement, of the incidents begun in the bucket. */
  mttaMs: number | null;
  /** Mean time from first error to resolution, of the incidents begun in the bucket. */
  mttrMs: number | null;
}

export type InsightTotals = Omit<InsightBucket, "start"> & { acknowledged: number; resolved: number };

const mean = (sum: number, n: number) => (n > 0 ? sum / n : null);

function insight(facts: RunFacts): Omit<InsightBucket, "start"> {
  return {
    incidents: incidentCount(facts),
    sent: facts.sent,
    failed: facts.failedMessages,
    latencyP50Ms: histogramPercentile(facts.latency, 0.5),
    latencyP95Ms: histogramPercentile(facts.latency, 0.95),
    mttaMs: mean(facts.mttaMsSum, facts.ackedRuns),
    mttrMs: mean(facts.mttrMsSum, facts.mttrRuns),
  };
}

/**
 * Per flow or per integration: incidents over time, messages sent and failed, delivery latency
 * p50/p95, MTTA and MTTR. Whole hours come from the hourly rollup (run_rollups,
 * run_latency_rollups: migration 0015, plus the deltas not folded yet: 0020), the hour in progress
 * from runs and deliveries. Buckets and
 * totals are built from sums and latency counts, so the totals are true means and percentiles of
 * the window, not averages of the buckets'.
 */
export async function runInsights({ db, workspaceId }: RunScope, input: RunInsightsInput, now = new Date()) {
  const window = bucketWindow(input.range, now);
  const { buckets, totals } = await collectFacts(
    db,
    { workspaceId, flowId: input.flowId, integrationId: input.integrationId },
    window,
    { from: window.since, until: null },
    now,
  );
  return {
    range: input.range,
    bucketHours: window.bucketMs / 3_600_000,
    buckets: buckets.map(({ start, facts }): InsightBucket => ({ start, ...insight(facts) })),
    totals: {
      ...insight(totals),
      acknowledged: totals.ackedRuns,
      resolved: totals.resolved,
    } satisfies InsightTotals,
  };
}
