import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { createDb, type Db } from "~/db/client";
import { rateLimitBuckets } from "~/db/schema";
import { createInboundTokenLeases, leaseChunk } from "./inbound-token-lease";

/**
 * Two web processes' limiters (two instances, each with its own pool) lease tokens in chunks
 * from one real bucket row in Postgres: together they never hand out more than the bucket grants.
 */
let one: { db: Db; pool: { end(): Promise<void> } };
let two: { db: Db; pool: { end(): Promise<void> } };
beforeAll(() => {
  one = createDb(testDatabaseUrl(), 5);
  two = createDb(testDatabaseUrl(), 5);
});
afterAll(async () => {
  await one?.pool.end();
  await two?.pool.end();
});

describe("inbound rate-limit tokens leased per process", () => {
  it("two processes taking 300 tokens at once from a bucket of 100 get at most 100, the rest 429 with Retry-After", async () => {
    // Refills one token per 1000 s: what the bucket grants during the test is its burst.
    const limit = { burst: 100, perSecond: 0.001 };
    const key = `inbound:test-${randomUUID()}`;
    const a = createInboundTokenLeases(one.db, limit, { chunk: 8 });
    const b = createInboundTokenLeases(two.db, limit, { chunk: 8 });
    const decisions = await Promise.all(Array.from({ length: 300 }, (_, i) => (i % 2 ? a : b).take(key)));
    const granted = decisions.filter((d) => d.granted).length;
    expect(granted).toBeLessThanOrEqual(100);
    // What is not granted is at most what the two processes hold unused: less than a chunk each.
    expect(granted).toBeGreaterThan(100 - 2 * 8);
    for (const d of decisions) if (!d.granted) expect(d.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    const [row] = await one.db.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, key));
    expect(row?.tokens).toBeGreaterThanOrEqual(0);
    expect(row?.tokens).toBeLessThan(1);
  });

  it("refills at the sustained rate: a refused process is granted again once a token is back", async () => {
    const limit = { burst: 2, perSecond: 4 };
    const key = `inbound:test-${randomUUID()}`;
    const a = createInboundTokenLeases(one.db, limit, { chunk: 2 });
    const b = createInboundTokenLeases(two.db, limit, { chunk: 2 });
    expect(await a.take(key)).toEqual({ granted: true });
    expect(await a.take(key)).toEqual({ granted: true });
    expect(await b.take(key)).toEqual({ granted: false, retryAfterSeconds: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(await b.take(key)).toEqual({ granted: true });
  });

  it("takes a small limit a token at a time, as the per-alert statement did", () => {
    expect(leaseChunk({ burst: 4, perSecond: 0.5 })).toBe(1);
    expect(leaseChunk({ burst: 1000, perSecond: 100 })).toBe(10);
    expect(leaseChunk({ burst: 1_000_000, perSecond: 1_000_000 })).toBe(16);
  });
});
