import { describe, expect, it } from "vitest";
import { bucketLatencyMs, emptyHistogram, histogramPercentile, LATENCY_BUCKET_BOUNDS_MS } from "./latency-buckets";

/** The bucket of a latency, the way alertflow_latency_bucket (width_bucket) finds it. */
const bucketOf = (ms: number) => Math.max(0, LATENCY_BUCKET_BOUNDS_MS.filter((b) => b <= ms).length - 1);

/** percentile_cont over exact values. */
function exactPercentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[Math.min(sorted.length - 1, below + 1)] ?? Number.NaN;
  return low + (position - below) * (high - low);
}

describe("latency buckets", () => {
  it("stand for every whole millisecond they hold within 9.1 %", () => {
    // A bucket's first and last whole millisecond are the farthest from its estimate.
    const edges = LATENCY_BUCKET_BOUNDS_MS.flatMap((b) => [b, b - 1]).filter((ms) => ms > 0);
    for (const ms of edges) {
      const estimate = bucketLatencyMs(bucketOf(ms));
      if (ms >= 131_072) expect(estimate).toBe(131_072);
      else expect(Math.abs(estimate - ms) / ms).toBeLessThanOrEqual(0.091);
    }
    expect(bucketLatencyMs(bucketOf(0))).toBe(0);
    expect(bucketLatencyMs(bucketOf(10_000_000))).toBe(131_072);
  });

  it("give p50 and p95 within 9.1 % of percentile_cont", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 200; trial++) {
      const values = Array.from(
        { length: 1 + Math.floor(random() * 300) },
        () => 1 + Math.floor(random() ** 3 * 60_000),
      );
      const histogram = emptyHistogram();
      for (const v of values) histogram[bucketOf(v)] = (histogram[bucketOf(v)] ?? 0) + 1;
      for (const p of [0.5, 0.95]) {
        const exact = exactPercentile(values, p);
        expect(Math.abs((histogramPercentile(histogram, p) ?? 0) - exact) / exact).toBeLessThanOrEqual(0.091);
      }
    }
    expect(histogramPercentile(emptyHistogram(), 0.5)).toBeNull();
  });
});
