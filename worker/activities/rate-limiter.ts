import { sql } from "drizzle-orm";
import type { Db } from "~/db/client";

export interface RateDecision {
  granted: boolean;
  /** How long until a token is available, when not granted. */
  waitMs: number;
}

export type RateLimiter = (key: string, eventsPerMinute: number) => Promise<RateDecision>;

/** Bursts of up to ten seconds' worth of messages, then the steady rate. */
export const burstFor = (eventsPerMinute: number) => Math.max(1, (eventsPerMinute / 60) * 10);

/**
 * A token bucket in Postgres, so every worker process shares one budget per receiver. One upsert
 * refills by elapsed time and takes a token only when a whole one is there; the row lock makes
 * concurrent callers queue, so no token is handed out twice.
 */
export function createRateLimiter(db: Db): RateLimiter {
  return async (key, eventsPerMinute) => {
    const perSecond = eventsPerMinute / 60;
    const capacity = burstFor(eventsPerMinute);
    // On conflict, `b.*` is the existing (locked, latest) row, read by every SET expression alike.
    const refilled = sql`least(${capacity}::float8, b.tokens + extract(epoch from (clock_timestamp() - b.updated_at)) * ${perSecond}::float8)`;
    const result = await db.execute<{ tokens: number; last_granted: boolean }>(sql`
      insert into rate_limit_buckets as b (key, tokens, last_granted, updated_at)
      values (${key}, ${capacity - 1}::float8, true, clock_timestamp())
      on conflict (key) do update set
        tokens = case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end,
        last_granted = ${refilled} >= 1,
        updated_at = clock_timestamp()
      returning tokens, last_granted`);
    const row = result.rows[0];
    if (!row || row.last_granted) return { granted: true, waitMs: 0 };
    return { granted: false, waitMs: Math.max(1, Math.ceil(((1 - Number(row.tokens)) / perSecond) * 1000)) };
  };
}
