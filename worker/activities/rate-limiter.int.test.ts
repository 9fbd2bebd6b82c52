import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { createDb } from "~/db/client";
import { sql } from "drizzle-orm";
import { burstFor, createRateLimiter, decisionOf, gatedTakeSql } from "./rate-limiter";

const { db, pool } = createDb(testDatabaseUrl(), 10);
afterAll(() => pool.end());
const limiter = createRateLimiter(db);

describe("Postgres token bucket", () => {
  it("grants a burst of ten seconds' worth, then refuses with the time to wait", async () => {
    const key = `test:${randomUUID()}`;
    // PagerDuty: 120 a minute per routing key, so a burst of 20.
    const decisions = await Promise.all(Array.from({ length: 25 }, () => limiter(key, 120)));
    expect(decisions.filter((d) => d.granted)).toHaveLength(burstFor(120));
    const refused = decisions.filter((d) => !d.granted);
    expect(refused).toHaveLength(5);
    for (const d of refused) {
      expect(d.waitMs).toBeGreaterThan(0);
      expect(d.waitMs).toBeLessThanOrEqual(500);
    }
  });

  it("refills at the steady rate", async () => {
    const key = `test:${randomUUID()}`;
    // 60 a minute: one a second, burst 10.
    for (let i = 0; i < 10; i++) expect((await limiter(key, 60)).granted).toBe(true);
    expect((await limiter(key, 60)).granted).toBe(false);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await limiter(key, 60)).granted).toBe(true);
    expect((await limiter(key, 60)).granted).toBe(false);
  });

  it("inside another statement: only when its gate holds, and all of a bucket's messages or none", async () => {
    // A phone's bucket: five, then one every two seconds.
    const bucket = { key: `test:${randomUUID()}`, eventsPerMinute: 30 };
    const take = async (gate: boolean, wanted: number) => {
      const { rows } = await db.execute(
        sql`with gate as (select ${gate}::boolean as open), t as (${gatedTakeSql(sql`(select open from gate)`, bucket, wanted)})
          select * from t`,
      );
      return rows[0] === undefined ? undefined : decisionOf(rows[0], bucket.eventsPerMinute, wanted);
    };
    // A lost claim: no row, no token.
    expect(await take(false, 1)).toBeUndefined();
    expect(await take(true, 2)).toEqual({ granted: true, waitMs: 0 });
    expect(await take(false, 3)).toBeUndefined();
    expect(await take(true, 3)).toEqual({ granted: true, waitMs: 0 });
    // None left for two: neither is granted, and the one there stays.
    const refused = await take(true, 2);
    expect(refused?.granted).toBe(false);
    expect(refused?.waitMs).toBeGreaterThan(1_000);
    expect(refused?.waitMs).toBeLessThanOrEqual(4_000);
    expect((await limiter(bucket.key, bucket.eventsPerMinute)).granted).toBe(false);
  });
});
