import type { Db } from "~/db/client";
import { isConnectionError } from "~/db/connection-retry";
import { foldRollupDeltas } from "~/server/runs/rollup-fold";

/**
 * Every few seconds, in each worker process: the rollup deltas the triggers appended are folded
 * into the hourly rollup. Readers add the pending ones, so this keeps their reads short, not
 * correct; several workers folding at once take disjoint deltas.
 */
export function startRollupFoldJob(db: Db, { everyMs = 2_000 } = {}): () => void {
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      await foldRollupDeltas(db);
    } catch (error) {
      // The deltas stay where they are and the next pass folds them; readers count them meanwhile.
      const reason = isConnectionError(error) ? "database unreachable" : String(error);
      console.warn(`rollup: fold pass failed (${reason})`);
    } finally {
      running = false;
    }
  };
  const every = setInterval(() => void pass(), everyMs);
  every.unref();
  return () => clearInterval(every);
}
