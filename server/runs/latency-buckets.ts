/**
 * Fixed log-spaced delivery-latency buckets, as SQL function alertflow_latency_bucket (migration
 * 0015) has them: every millisecond up to 8 ms, then a quarter octave (x 1.19) each, rounded to
 * whole milliseconds, up to 131 s. Bucket i holds latencies in [bound i, bound i + 1); the last is
 * open. The rollup keeps a count per bucket, so p50/p95 over any window come from summed counts.
 */
export const LATENCY_BUCKET_BOUNDS_MS = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 13, 16, 19, 23, 27, 32, 38, 45, 54, 64, 76, 91, 108, 128, 152, 181, 215, 256, 304,
  362, 431, 512, 609, 724, 861, 1024, 1218, 1448, 1722, 2048, 2435, 2896, 3444, 4096, 4871, 5793, 6889, 8192, 9742,
  11585, 13777, 16384, 19484, 23170, 27554, 32768, 38968, 46341, 55109, 65536, 77936, 92682, 110218, 131072,
] as const;

export const LATENCY_BUCKETS = LATENCY_BUCKET_BOUNDS_MS.length;

/** Counts per bucket index. */
export type LatencyHistogram = number[];

export const emptyHistogram = (): LatencyHistogram => new Array<number>(LATENCY_BUCKETS).fill(0);

/**
 * The latency a bucket stands for: its only value when it holds one whole millisecond, else the
 * geometric middle of its first and last whole millisecond, within 6.1 % of both (8–9 ms) and
 * 9.1 % at most (a quarter octave); the open last bucket (131 s and more) reports 131 s.
 */
export function bucketLatencyMs(bucket: number): number {
  const low = LATENCY_BUCKET_BOUNDS_MS[bucket];
  const next = LATENCY_BUCKET_BOUNDS_MS[bucket + 1];
  if (low === undefined) throw new RangeError(`no latency bucket ${bucket}`);
  if (next === undefined) return low;
  return Math.sqrt(low * (next - 1));
}

/** The bucket holding the latency of the given rank (0-based, smallest first). */
function bucketAtRank(histogram: LatencyHistogram, rank: number): number {
  let seen = 0;
  for (let bucket = 0; bucket < histogram.length; bucket++) {
    seen += histogram[bucket] ?? 0;
    if (seen > rank) return bucket;
  }
  return histogram.length - 1;
}

/**
 * The p-quantile (0..1) of the latencies counted, as Postgres' percentile_cont defines it (linear
 * between the two values around rank p·(n−1)), each value taken as its bucket's latency: within
 * 9.1 % of the exact figure. Null without any latency.
 */
export function histogramPercentile(histogram: LatencyHistogram, p: number): number | null {
  const total = histogram.reduce((sum, n) => sum + n, 0);
  if (total <= 0) return null;
  const position = p * (total - 1);
  const below = Math.floor(position);
  const low = bucketLatencyMs(bucketAtRank(histogram, below));
  const high = bucketLatencyMs(bucketAtRank(histogram, Math.min(total - 1, below + 1)));
  return low + (position - below) * (high - low);
}
