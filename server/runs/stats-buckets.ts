import type { RunStatus } from "~/db/schema";
import { RUN_STATUSES, STATS_RANGES, type StatsRange } from "./run-inputs";

export type StatusCounts = Record<RunStatus, number>;
export interface StatsBucket extends StatusCounts {
  /** Start of the bucket (UTC-aligned). */
  start: Date;
}

export interface BucketWindow {
  bucketMs: number;
  /** First instant counted: the start of the oldest bucket. */
  since: Date;
  count: number;
}

const HOUR_MS = 3_600_000;

/** The buckets that end with the one holding `now`, aligned to whole UTC bucket boundaries. */
export function bucketWindow(range: StatsRange, now: Date): BucketWindow {
  const { hours, bucketHours } = STATS_RANGES[range];
  const bucketMs = bucketHours * HOUR_MS;
  const count = hours / bucketHours;
  const current = Math.floor(now.getTime() / bucketMs) * bucketMs;
  return { bucketMs, since: new Date(current - (count - 1) * bucketMs), count };
}

export const zeroCounts = (): StatusCounts => ({
  escalating: 0,
  acknowledged: 0,
  resolved: 0,
  failed: 0,
  cancelled: 0,
});

/** Turns sparse (bucket start, status, count) rows into one entry per bucket, empty ones included. */
export function fillBuckets(
  window: BucketWindow,
  rows: readonly { bucket: Date; status: RunStatus; count: number }[],
): { buckets: StatsBucket[]; totals: StatusCounts } {
  const buckets: StatsBucket[] = Array.from({ length: window.count }, (_, i) => ({
    start: new Date(window.since.getTime() + i * window.bucketMs),
    ...zeroCounts(),
  }));
  const totals = zeroCounts();
  for (const row of rows) {
    const bucket = buckets[(row.bucket.getTime() - window.since.getTime()) / window.bucketMs];
    if (!bucket || !RUN_STATUSES.includes(row.status)) continue;
    bucket[row.status] += row.count;
    totals[row.status] += row.count;
  }
  return { buckets, totals };
}
