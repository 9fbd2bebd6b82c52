import { domainRefusal } from "~/core/domain-error";
import { computeInline, type ComputeInput, type ComputeKind, type ComputeOutput } from "./compute-tasks";
import { TaskTimeoutError, ThreadPool, ThreadStartError } from "./thread-pool";

/** Longer than any task within the input limits takes, even on a busy machine. */
export const COMPUTE_TIME_BUDGET_MS = 15_000;

declare global {
  // One pool per process, kept across Next.js hot reloads.
  var alertflowComputePool: ThreadPool | undefined;
}

let warned = false;

/**
 * Runs a CPU-bound task (see compute-tasks.ts) on a worker thread, so that the event loop keeps
 * answering other requests meanwhile, `/api/health` included. A task over its time budget is
 * stopped and refused as too complex. Should threads be unavailable (no tsx, a missing file) the
 * task runs inline, as before, and the server says so once.
 */
export async function offLoop<K extends ComputeKind>(kind: K, input: ComputeInput<K>): Promise<ComputeOutput<K>> {
  globalThis.alertflowComputePool ??= new ThreadPool({
    entry: "server/compute/compute-thread.ts",
    size: 2,
    timeoutMs: COMPUTE_TIME_BUDGET_MS,
  });
  try {
    return await globalThis.alertflowComputePool.run<ComputeOutput<K>>({ kind, input });
  } catch (error) {
    if (error instanceof TaskTimeoutError) {
      const seconds = COMPUTE_TIME_BUDGET_MS / 1000;
      throw domainRefusal(
        "INVALID_INPUT",
        `The request needs more than ${seconds} s of work: make it smaller`,
        "tooMuchWork",
        { seconds },
      );
    }
    if (!(error instanceof ThreadStartError)) throw error;
    if (!warned) console.warn(`compute: working inline (${error.message})`);
    warned = true;
    return computeInline(kind, input);
  }
}
