import { onePer } from "~/core/one-per";
import type { Db } from "~/db/client";
import type { DispatchProgress } from "~/core/alerts/accepted-alert";
import { completeIdempotencyKey, keepDispatchProgress, type IdempotencyScope } from "./idempotency-key";

/**
 * What a request learned about its Idempotency-Key but could not write, because the database
 * failed after its alerts went: which alerts were dispatched (the request then answered 503), or
 * its whole answer (it answered 202). Lost, the key's claim would lapse with its lease and the
 * sender's retry would dispatch those alerts a second time.
 */
export type Unkept =
  { kind: "progress"; progress: DispatchProgress } | { kind: "answer"; status: number; body: string };

export interface UnkeptKeys {
  /** Keeps `unkept` in this process and writes it as soon as the database takes it. */
  hold(scope: IdempotencyScope, unkept: Unkept): void;
  /**
   * Writes what is held for `scope` before a retry claims the key, so the claim sees it. Throws
   * when the database still fails (the retry then gets a 503 too, and nothing is dispatched).
   */
  settle(scope: IdempotencyScope): Promise<void>;
  /** How many are waiting to be written (for tests and logs). */
  readonly size: number;
}

/** Background writes are tried this often while the database is down. */
const FLUSH_EVERY_MS = 1_000;
/** A bound on memory: a database down for long under a flood of keyed batches. */
const MAX_HELD = 10_000;

const idOf = (scope: IdempotencyScope) => `${scope.tokenHash}:${scope.keyHash}:${scope.requestHash}`;

async function write(db: Db, scope: IdempotencyScope, unkept: Unkept) {
  if (unkept.kind === "progress") await keepDispatchProgress(db, scope, unkept.progress);
  else await completeIdempotencyKey(db, scope, unkept.status, unkept.body);
}

export function createUnkeptKeys(db: Db, flushEveryMs = FLUSH_EVERY_MS): UnkeptKeys {
  const held = new Map<string, { scope: IdempotencyScope; unkept: Unkept }>();
  let timer: NodeJS.Timeout | undefined;

  const flush = async () => {
    timer = undefined;
    for (const [id, entry] of held) {
      try {
        await write(db, entry.scope, entry.unkept);
        if (held.get(id) === entry) held.delete(id);
      } catch {
        break; // Still down: the next round tries again.
      }
    }
    schedule();
  };
  const schedule = () => {
    if (timer || held.size === 0) return;
    // unref: a process told to stop is not kept alive by this alone.
    timer = setTimeout(() => void flush(), flushEveryMs);
    timer.unref();
  };

  return {
    hold(scope, unkept) {
      if (held.size >= MAX_HELD) {
        const [oldest] = held.keys();
        if (oldest !== undefined) held.delete(oldest);
        console.error("inbound: too many Idempotency-Key records waiting for the database; the oldest is dropped");
      }
      held.set(idOf(scope), { scope, unkept });
      schedule();
    },
    async settle(scope) {
      const id = idOf(scope);
      const entry = held.get(id);
      if (!entry) return;
      await write(db, entry.scope, entry.unkept);
      if (held.get(id) === entry) held.delete(id);
    },
    get size() {
      return held.size;
    },
  };
}

/** One store per database client, as a process has one pool: every request of it sees the others' records. */
export const unkeptKeysFor = onePer(createUnkeptKeys);
