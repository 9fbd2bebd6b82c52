import type { Db } from "~/db/client";
import { isConnectionError } from "~/db/connection-retry";
import { deleteExpiredRuns } from "~/db/retention";
import { pruneIdempotencyKeys } from "~/server/inbound/idempotency-key";
import { pruneClosedInboxes } from "./activities/incident-inbox";

const HOUR_MS = 60 * 60 * 1000;

/**
 * The retention job, on an interval in each worker process rather than as a Temporal schedule:
 * it needs only Postgres, every worker may run it (the batches skip rows another one holds), and
 * it keeps working while Temporal is down. First pass a minute after start, then hourly.
 */
export function startRetentionJob(db: Db, { everyMs = HOUR_MS, firstAfterMs = 60_000 } = {}): () => void {
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      const deleted = await deleteExpiredRuns(db);
      if (deleted > 0) console.log(`retention: deleted ${deleted} finished runs past their workspace's retention`);
      const pruned = await pruneClosedInboxes(db);
      if (pruned > 0) console.log(`retention: deleted ${pruned} applied events of incident inboxes closed a day ago`);
      const keys = await pruneIdempotencyKeys(db);
      if (keys > 0) console.log(`retention: forgot ${keys} inbound Idempotency-Keys older than a day`);
    } catch (error) {
      // The next pass tries again; a database outage is not worth more than a line.
      const reason = isConnectionError(error) ? "database unreachable" : String(error);
      console.warn(`retention: pass failed (${reason})`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void pass(), firstAfterMs);
  const every = setInterval(() => void pass(), everyMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
