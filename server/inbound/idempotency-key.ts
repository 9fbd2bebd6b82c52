import { hash } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { inboundIdempotencyKeys } from "~/db/schema";
import type { DispatchProgress } from "~/core/alerts/accepted-alert";

/** The request header (IETF draft-ietf-httpapi-idempotency-key-header, as Stripe uses it). */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
/** How long a key replays its first answer; the retention job deletes older keys. */
export const IDEMPOTENCY_KEY_HOURS = 24;
/**
 * A claim still in flight after this long belongs to a request that died (a killed web process):
 * the next request with the key takes it over instead of waiting 24 h. Far above the Temporal
 * deadline (10 s) an inbound request can spend.
 */
const IN_FLIGHT_LEASE_SECONDS = 60;

export type IdempotencyKeyHeader =
  { kind: "none" } | { kind: "invalid"; message: string } | { kind: "ok"; key: string };

/** Visible ASCII and inner spaces only: a key is an opaque token (a UUID is the usual choice). */
const KEY_SHAPE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** The header's value as a request carries it (null: not sent). */
export function readIdempotencyKey(value: string | null): IdempotencyKeyHeader {
  if (value === null) return { kind: "none" };
  if (value.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    return {
      kind: "invalid",
      message: `The ${IDEMPOTENCY_HEADER} header is ${value.length} characters long; at most ${MAX_IDEMPOTENCY_KEY_LENGTH} are allowed`,
    };
  }
  if (!KEY_SHAPE.test(value)) {
    return {
      kind: "invalid",
      message: `The ${IDEMPOTENCY_HEADER} header must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters (a UUID, for example)`,
    };
  }
  return { kind: "ok", key: value };
}

const sha256 = (data: string | Uint8Array) => hash("sha256", data, "hex");

export interface IdempotencyScope {
  tokenHash: string;
  keyHash: string;
  requestHash: string;
}

/** Only hashes are stored: the key may be anything a sender chose, the body is the sender's. */
export const idempotencyScope = (tokenHash: string, key: string, body: Uint8Array): IdempotencyScope => ({
  tokenHash,
  keyHash: sha256(key),
  requestHash: sha256(body),
});

export type Claim =
  /** `earlier`: what a failed earlier attempt at this body dispatched, for this one to skip. */
  | { kind: "claimed"; earlier: DispatchProgress | null }
  | { kind: "replay"; status: number; body: string }
  | { kind: "different_body" }
  | { kind: "in_flight" };

/**
 * Takes the key for this request, or says what the first request with it did. One statement
 * decides between concurrent requests (the primary key): exactly one claims, the others see its
 * row. A row older than 24 h, or a claim whose request died, is taken over; so is the key of a
 * request that failed after dispatching some alerts, by a retry of the same body, which carries
 * on from there.
 */
export async function claimIdempotencyKey(db: Db, scope: IdempotencyScope): Promise<Claim> {
  const t = inboundIdempotencyKeys;
  const expired = sql`${t.createdAt} < now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})`;
  // A row released between our insert and our read is gone: claim again (bounded, it is a race).
  for (let attempt = 0; attempt < 3; attempt++) {
    const claimed = await db
      .insert(t)
      .values({ tokenHash: scope.tokenHash, keyHash: scope.keyHash, requestHash: scope.requestHash })
      .onConflictDoUpdate({
        target: [t.tokenHash, t.keyHash],
        set: {
          requestHash: scope.requestHash,
          status: null,
          response: null,
          // A key past its day starts afresh; otherwise what went before is not sent again.
          dispatched: sql`case when ${expired} then null else ${t.dispatched} end`,
          createdAt: sql`now()`,
        },
        setWhere: sql`${expired}
          or (${t.status} is null and ${t.createdAt} < now() - make_interval(secs => ${IN_FLIGHT_LEASE_SECONDS}))
          or (${t.status} = 503 and ${t.dispatched} is not null and ${t.requestHash} = ${scope.requestHash})`,
      })
      .returning({ dispatched: t.dispatched });
    const [mine] = claimed;
    if (mine) return { kind: "claimed", earlier: mine.dispatched };

    const [first] = await db
      .select({ requestHash: t.requestHash, status: t.status, response: t.response })
      .from(t)
      .where(and(eq(t.tokenHash, scope.tokenHash), eq(t.keyHash, scope.keyHash)));
    if (!first) continue;
    if (first.requestHash !== scope.requestHash) return { kind: "different_body" };
    if (first.status === null || first.response === null) return { kind: "in_flight" };
    return { kind: "replay", status: first.status, body: first.response };
  }
  return { kind: "in_flight" };
}

/** Keeps the answer the claimed request gave, for its retries to replay. */
export async function completeIdempotencyKey(db: Db, scope: IdempotencyScope, status: number, body: string) {
  const t = inboundIdempotencyKeys;
  await db
    .update(t)
    .set({ status, response: body })
    .where(and(eq(t.tokenHash, scope.tokenHash), eq(t.keyHash, scope.keyHash), eq(t.requestHash, scope.requestHash)));
}

/**
 * Keeps what a failed request dispatched, and frees the key for its retry at once (no lease to
 * wait out): the retry dispatches only the alerts that did not go.
 */
export async function keepDispatchProgress(db: Db, scope: IdempotencyScope, progress: DispatchProgress) {
  const t = inboundIdempotencyKeys;
  await db
    .update(t)
    .set({ status: 503, dispatched: progress })
    .where(
      and(
        eq(t.tokenHash, scope.tokenHash),
        eq(t.keyHash, scope.keyHash),
        eq(t.requestHash, scope.requestHash),
        isNull(t.status),
      ),
    );
}

/**
 * Gives the key back when nothing was dispatched (the body was refused, or Temporal or the
 * database failed): the sender's retry, or its corrected body, is then handled afresh.
 */
export async function releaseIdempotencyKey(db: Db, scope: IdempotencyScope) {
  const t = inboundIdempotencyKeys;
  await db
    .delete(t)
    .where(
      and(
        eq(t.tokenHash, scope.tokenHash),
        eq(t.keyHash, scope.keyHash),
        eq(t.requestHash, scope.requestHash),
        isNull(t.status),
      ),
    );
}

/** For the retention job: keys past their 24 h are forgotten. Returns how many went. */
export async function pruneIdempotencyKeys(db: Db): Promise<number> {
  const t = inboundIdempotencyKeys;
  const result = await db
    .delete(t)
    .where(lt(t.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})`));
  return result.rowCount ?? 0;
}
