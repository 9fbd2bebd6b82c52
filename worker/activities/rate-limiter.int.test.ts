import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, inject } from "vitest";
import { createDb } from "~/db/client";
import { burstFor, createRateLimiter } from "./rate-limiter";

const { db, pool } = createDb(inject("databaseUrl"), 10);
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
});
