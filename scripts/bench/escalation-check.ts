import pg from "pg";
import type { BenchReceiver } from "./receiver";

/**
 * What a storm's incidents got, counted at the receivers: level 1 posts to one, level 2 to the
 * other, and each message carries its `Idempotency-Key`. Level 2's due time is the incident's
 * first error (`runs.first_error_at`, the alert's arrival, which the workflow times from) plus
 * the level's delay; its lateness is the first level-2 message's arrival minus that.
 */
export interface EscalationCount {
  /** Alert keys answered 202. */
  accepted: number;
  /** Accepted keys whose level-1 / level-2 message never came (a key missing either is lost). */
  firstMissing: number;
  level2Missing: number;
  lost: number;
  /** Messages that arrived again under an Idempotency-Key already received (at least once). */
  repeatedMessages: number;
  /** Keys that got level-1 (or level-2) messages under two Idempotency-Keys: paged as two incidents. */
  pagedAsTwo: number;
  /** Keys with more than one incident (run row). */
  openedTwice: number;
  /** The keys lost (for their histories). */
  lostKeys: string[];
  /** Level-1 message's arrival after the alert, and level-2's after its due time, in ms. */
  firstDelay: number[];
  level2Late: number[];
}

/** Waits until every key has its level-1 and level-2 messages, or `timeoutMs` passed, or nothing more comes. */
export async function waitForEscalations(
  keys: readonly string[],
  level1: BenchReceiver,
  level2: BenchReceiver,
  timeoutMs: number,
  /** performance.now() when the last key's level 2 is due, and how long a silence after it ends the wait. */
  lastDue: number,
  quietMs = 90_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let waiting = [...keys];
  let progressAt = performance.now();
  while (performance.now() < deadline) {
    const before = waiting.length;
    waiting = waiting.filter((k) => level1.arrivalOf(k) === undefined || level2.arrivalOf(k) === undefined);
    if (waiting.length === 0) return;
    if (waiting.length < before) progressAt = performance.now();
    // Nothing came for `quietMs` once every level 2 is overdue: what is missing is stuck, not slow.
    if (performance.now() - progressAt > quietMs && performance.now() > lastDue) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function countEscalations(opts: {
  databaseUrl: string;
  keys: readonly string[];
  level1: BenchReceiver;
  level2: BenchReceiver;
  level2Seconds: number;
}): Promise<EscalationCount> {
  const db = new pg.Client({ connectionString: opts.databaseUrl });
  await db.connect();
  const firstErrorAt = new Map<string, number[]>();
  try {
    const { rows } = await db.query<{ alert_key: string; at: Date }>(
      `select alert_key, first_error_at as at from runs where alert_key = any($1)`,
      [opts.keys],
    );
    for (const row of rows)
      firstErrorAt.set(row.alert_key, [...(firstErrorAt.get(row.alert_key) ?? []), row.at.getTime()]);
  } finally {
    await db.end();
  }
  const count: EscalationCount = {
    accepted: opts.keys.length,
    firstMissing: 0,
    level2Missing: 0,
    lost: 0,
    lostKeys: [],
    repeatedMessages: 0,
    pagedAsTwo: 0,
    openedTwice: 0,
    firstDelay: [],
    level2Late: [],
  };
  for (const key of opts.keys) {
    const first = opts.level1.arrivalsOf(key);
    const second = opts.level2.arrivalsOf(key);
    const opened = Math.min(...(firstErrorAt.get(key) ?? [Number.NaN]));
    if (first.length === 0) count.firstMissing++;
    if (second.length === 0) count.level2Missing++;
    if (first.length === 0 || second.length === 0) {
      count.lost++;
      count.lostKeys.push(key);
    }
    if ((firstErrorAt.get(key)?.length ?? 0) > 1) count.openedTwice++;
    for (const arrivals of [first, second]) {
      const distinct = new Set(arrivals.map((a) => a.idempotencyKey));
      count.repeatedMessages += arrivals.length - distinct.size;
      if (distinct.size > 1) count.pagedAsTwo++;
    }
    const [firstMessage] = first;
    const [level2Message] = second;
    if (firstMessage && Number.isFinite(opened)) count.firstDelay.push(firstMessage.at - opened);
    if (level2Message && Number.isFinite(opened)) {
      count.level2Late.push(level2Message.at - opened - opts.level2Seconds * 1000);
    }
  }
  return count;
}
