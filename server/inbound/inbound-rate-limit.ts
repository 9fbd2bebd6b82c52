import { sql } from "drizzle-orm";
import type { Db } from "~/db/client";

/** How many alerts one endpoint token may send: `burst` at once, then `perSecond` sustained. */
export interface InboundRateLimit {
  burst: number;
  perSecond: number;
}

export type InboundDecision = { granted: true } | { granted: false; retryAfterSeconds: number };

/**
 * Takes one token from the endpoint's bucket in Postgres, so every web process shares one budget
 * per endpoint token. One upsert refills by the time elapsed and takes a token when a whole one
 * is there; the row lock queues concurrent requests, so no token is handed out twice.
 */
export async function takeInboundToken(db: Db, bucketKey: string, limit: InboundRateLimit): Promise<InboundDecision> {
  // On conflict, `b.*` is the existing (locked, latest) row, read by every SET expression alike.
  const refilled = sql`least(${limit.burst}::float8, b.tokens + extract(epoch from (clock_timestamp() - b.updated_at)) * ${limit.perSecond}::float8)`;
  const result = await db.execute<{ tokens: number; last_granted: boolean }>(sql`
    insert into rate_limit_buckets as b (key, tokens, last_granted, updated_at)
    values (${bucketKey}, ${limit.burst - 1}::float8, true, clock_timestamp())
    on conflict (key) do update set
      tokens = case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end,
      last_granted = ${refilled} >= 1,
      updated_at = clock_timestamp()
    returning tokens, last_granted`);
  const row = result.rows[0];
  if (!row || row.last_granted) return { granted: true };
  // Seconds until a whole token is back; HTTP's Retry-After counts whole seconds.
  return { granted: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - Number(row.tokens)) / limit.perSecond)) };
}
