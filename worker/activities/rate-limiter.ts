import { sql, type SQL } from "drizzle-orm";
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

/** A bucket as a message names it (server/delivery/rate-limit.ts): its key and rate. */
export interface OutboundBucket {
  key: string;
  eventsPerMinute: number;
}

/**
 * The same take as a statement of another statement's CTEs, for `wanted` messages of one bucket
 * at once, and only when `gate` (an SQL condition) holds: the alert endpoint's claim takes its
 * first messages' tokens in its own statement, so a claim lost to a racing request takes none.
 * All or nothing: `wanted` tokens when the bucket holds them, else none (the messages wait for
 * the workflow's delivery, which takes one at a time). Its rows: key, tokens, last_granted.
 */
export function gatedTakeSql(gate: SQL, bucket: OutboundBucket, wanted: number): SQL {
  const capacity = sql`${burstFor(bucket.eventsPerMinute)}::float8`;
  const want = sql`${wanted}::int`;
  const refilled = sql`least(${capacity}, b.tokens + extract(epoch from (clock_timestamp() - b.updated_at)) * ${bucket.eventsPerMinute / 60}::float8)`;
  return sql`insert into rate_limit_buckets as b (key, tokens, last_granted, updated_at)
    select ${bucket.key}::text, case when ${capacity} >= ${want} then ${capacity} - ${want} else ${capacity} end,
      ${capacity} >= ${want}, clock_timestamp()
    where ${gate}
    on conflict (key) do update set
      tokens = case when ${refilled} >= ${want} then ${refilled} - ${want} else ${refilled} end,
      last_granted = ${refilled} >= ${want},
      updated_at = clock_timestamp()
    returning b.key, b.tokens, b.last_granted`;
}

const takenRow = z.object({ tokens: z.coerce.number(), last_granted: z.boolean() });

/** What a take's row says: granted, or how long until `wanted` tokens are there. */
export function decisionOf(row: unknown, eventsPerMinute: number, wanted = 1): RateDecision {
  const parsed = row === undefined ? undefined : takenRow.parse(row);
  if (!parsed || parsed.last_granted) return { granted: true, waitMs: 0 };
  const perSecond = eventsPerMinute / 60;
  return { granted: false, waitMs: Math.max(1, Math.ceil(((wanted - parsed.tokens) / perSecond) * 1000)) };
}

/**
 * A token bucket in Postgres, so every worker process shares one budget per receiver. One upsert
 * refills by elapsed time and takes a token only when a whole one is there; the row lock makes
 * concurrent callers queue, so no token is handed out twice. It runs before every message (the
 * endpoint's first ones included), so it is a prepared statement: planned once per connection.
 */
export function createRateLimiter(db: Db): RateLimiter {
  return async (key, eventsPerMinute) => {
    const [first] = await queryPrepared(db, takeStatement, [key, burstFor(eventsPerMinute), eventsPerMinute / 60]);
    return decisionOf(first, eventsPerMinute);
  };
}
