import { sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import type { InboundDecision, InboundRateLimit } from "./inbound-rate-limit";

/**
 * Takes up to `want` whole tokens from the endpoint's shared bucket in one statement: refills by
 * the time elapsed, hands out what is there (at most `want`), keeps the rest. The row lock
 * (FOR UPDATE, then the update, in one statement) orders the web processes, so the tokens handed
 * out never exceed what the bucket holds. Returns how many were taken, and the bucket's tokens left.
 */
export async function leaseInboundTokens(
  db: Db,
  bucketKey: string,
  limit: InboundRateLimit,
  want: number,
): Promise<{ granted: number; left: number }> {
  const take = () =>
    db.execute<{ granted: number; left: number }>(sql`
      with bucket as (
        select least(${limit.burst}::float8,
          tokens + extract(epoch from (clock_timestamp() - updated_at)) * ${limit.perSecond}::float8) as refilled
        from rate_limit_buckets where key = ${bucketKey} for update
      ), lease as (
        select refilled, least(${want}::float8, floor(refilled)) as granted from bucket
      )
      update rate_limit_buckets b
      set tokens = lease.refilled - lease.granted, last_granted = lease.granted >= 1, updated_at = clock_timestamp()
      from lease where b.key = ${bucketKey}
      returning lease.granted::int as granted, b.tokens as left`);
  let result = await take();
  if (result.rows.length === 0) {
    // A bucket's first use: it starts full. A concurrent first use loses the insert harmlessly.
    await db.execute(sql`
      insert into rate_limit_buckets (key, tokens, last_granted, updated_at)
      values (${bucketKey}, ${limit.burst}::float8, true, clock_timestamp())
      on conflict (key) do nothing`);
    result = await take();
  }
  const row = result.rows[0];
  return { granted: Number(row?.granted ?? 0), left: Number(row?.left ?? 0) };
}

export interface InboundTokenLeases {
  take(bucketKey: string): Promise<InboundDecision>;
}

/**
 * How many tokens a web process takes from the shared bucket at once: a tenth of a second of the
 * sustained rate, at most 16, at least 1 (a small limit is taken a token at a time, as before).
 */
export const leaseChunk = (limit: InboundRateLimit) =>
  Math.max(1, Math.min(16, Math.floor(limit.perSecond / 10), Math.floor(limit.burst / 10)));

const perDb = new WeakMap<Db, Map<string, InboundTokenLeases>>();

/** This process's leases for a limit (the route builds its deps per request; the pool is one per process). */
export function inboundTokenLeasesFor(db: Db, limit: InboundRateLimit): InboundTokenLeases {
  let byLimit = perDb.get(db);
  if (!byLimit) {
    byLimit = new Map();
    perDb.set(db, byLimit);
  }
  const key = `${limit.burst}/${limit.perSecond}`;
  let leases = byLimit.get(key);
  if (!leases) {
    leases = createInboundTokenLeases(db, limit);
    byLimit.set(key, leases);
  }
  return leases;
}

/** Tokens a process leased and did not use within this long are dropped, never handed back. */
const LEASE_MS = 1_000;

/**
 * The inbound rate limit with tokens leased per process in small chunks from the shared Postgres
 * bucket: one statement per chunk instead of one per alert. Every token handed out here was taken
 * from the shared bucket first, so all processes together never pass more than it grants; tokens
 * a process holds unused are lost to the others (at most one chunk per process, for at most 1 s),
 * which can only make the limit stricter.
 */
export function createInboundTokenLeases(
  db: Db,
  limit: InboundRateLimit,
  { chunk = leaseChunk(limit), now = () => performance.now() } = {},
): InboundTokenLeases {
  const held = new Map<string, { tokens: number; until: number }>();
  const leasing = new Map<string, Promise<InboundDecision>>();

  const fromHeld = (bucketKey: string): boolean => {
    const lease = held.get(bucketKey);
    if (!lease || lease.tokens < 1 || lease.until < now()) return false;
    lease.tokens--;
    return true;
  };

  const lease = async (bucketKey: string): Promise<InboundDecision> => {
    const { granted, left } = await leaseInboundTokens(db, bucketKey, limit, chunk);
    if (granted < 1) {
      return { granted: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - left) / limit.perSecond)) };
    }
    // One for this request, the rest for the next ones in this process.
    held.set(bucketKey, { tokens: granted - 1, until: now() + LEASE_MS });
    return { granted: true };
  };

  return {
    async take(bucketKey) {
      for (;;) {
        if (fromHeld(bucketKey)) return { granted: true };
        const inFlight = leasing.get(bucketKey);
        if (!inFlight) break;
        // Another request of this process is leasing: wait for it, then share what it brought.
        const decision = await inFlight;
        if (!decision.granted) return decision;
      }
      const next = lease(bucketKey).finally(() => leasing.delete(bucketKey));
      leasing.set(bucketKey, next);
      return next;
    },
  };
}
