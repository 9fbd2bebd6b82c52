import { describe, expect, it } from "vitest";
import { bucketWindow, fillBuckets } from "./stats-buckets";

const at = (iso: string) => new Date(iso);

describe("bucketWindow", () => {
  it("ends with the hour that holds now and starts 23 hours before it", () => {
    const w = bucketWindow("24h", at("2025-03-10T14:37:12Z"));
    expect(w).toEqual({ bucketMs: 3_600_000, since: at("2025-03-09T15:00:00Z"), count: 24 });
  });

  it("aligns 6-hour and daily buckets to UTC boundaries", () => {
    expect(bucketWindow("7d", at("2025-03-10T14:37:12Z")).since).toEqual(at("2025-03-03T18:00:00Z"));
    expect(bucketWindow("30d", at("2025-03-10T14:37:12Z")).since).toEqual(at("2025-02-09T00:00:00Z"));
  });
});

describe("fillBuckets", () => {
  const window = bucketWindow("24h", at("2025-03-10T14:37:12Z"));

  it("returns every bucket, empty ones as zeros, and totals per status", () => {
    const { buckets, totals } = fillBuckets(window, [
      { bucket: at("2025-03-10T14:00:00Z"), status: "escalating", count: 2 },
      { bucket: at("2025-03-10T14:00:00Z"), status: "resolved", count: 5 },
      { bucket: at("2025-03-09T15:00:00Z"), status: "failed", count: 1 },
    ]);
    expect(buckets).toHaveLength(24);
    expect(buckets[0]).toMatchObject({ start: at("2025-03-09T15:00:00Z"), failed: 1, resolved: 0 });
    expect(buckets[23]).toMatchObject({ start: at("2025-03-10T14:00:00Z"), escalating: 2, resolved: 5 });
    expect(buckets[10]).toEqual({
      start: at("2025-03-10T01:00:00Z"),
      escalating: 0,
      acknowledged: 0,
      resolved: 0,
      failed: 0,
      cancelled: 0,
    });
    expect(totals).toEqual({ escalating: 2, acknowledged: 0, resolved: 5, failed: 1, cancelled: 0 });
  });

  it("ignores rows outside the window rather than putting them in a wrong bucket", () => {
    const { buckets, totals } = fillBuckets(window, [
      { bucket: at("2025-03-09T14:00:00Z"), status: "resolved", count: 9 },
    ]);
    expect(totals.resolved).toBe(0);
    expect(buckets.every((b) => b.resolved === 0)).toBe(true);
  });
});
