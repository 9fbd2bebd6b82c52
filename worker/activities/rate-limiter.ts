import { z } from "zod";
import type { Db } from "~/db/client";
import { queryPrepared } from "~/db/prepared-query";

export interface RateDecision {
  granted: boolean;
  /** How long until a token is available, when not granted. */
  waitMs: number;
}

export type RateLimiter = (key: string, eventsPerMinute: number) => Promise<RateDecision>;

/** Bursts of up to ten seconds' worth of messages, then the steady rate. */
export const burstFor = (eventsPerMinute: number) => Math.max(1, (eventsPerMinute / 60) * 10);

/** $1 key, $2 capacity, $3 tokens per second. On conflict, `b.*` is the existing (locked, latest) row. */
const takeStatement = (() => {
  const refilled = "least($2::float8, b.tokens + extract(epoch from (clock_timestamp() - b.updated_at)) * $3::float8)";
  return {
    name: "alertflow_rate_limit_take",
    text: `insert into rate_limit_buckets as b (key, tokens, last_granted, updated_at)
      values ($1, $2::float8 - 1, true, clock_timestamp())
      on conflict (key) do update set
        tokens = case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end,
        last_granted = ${refilled} >= 1,
        updated_at = clock_timestamp()
      returning tokens, last_granted`,
  };
})();

const takenRow = z.object({ tokens: z.coerce.number(), last_granted: z.boolean() });

/**
 * A token bucket in Postgres, so every worker process shares one budget per receiver. One upsert
 * refills by elapsed time and takes a token only when a whole one is there; the row lock makes
 * concurrent callers queue, so no token is handed out twice. It runs before every message (the
 * endpoint's first ones included), so it is a prepared statement: planned once per connection.
 */
export function createRateLimiter(db: Db): RateLimiter {
  return async (key, eventsPerMinute) => {
    const perSecond = eventsPerMinute / 60;
    const [first] = await queryPrepared(db, takeStatement, [key, burstFor(eventsPerMinute), perSecond]);
    const row = first === undefined ? undefined : takenRow.parse(first);
    if (!row || row.last_granted) return { granted: true, waitMs: 0 };
    return { granted: false, waitMs: Math.max(1, Math.ceil(((1 - row.tokens) / perSecond) * 1000)) };
  };
}
