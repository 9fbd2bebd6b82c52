import { parentPort } from "node:worker_threads";
import { computeInline, type ComputeKind, type ComputeRequest } from "./compute-tasks";
import type { ThreadMessage } from "./thread-pool";

/** Worker-thread entry (see off-loop.ts): one task per message. */
const port = parentPort;
if (!port) throw new Error("compute-thread.ts runs only as a worker thread");
const post = (message: ThreadMessage<unknown>) => port.postMessage(message);

port.on("message", <K extends ComputeKind>({ kind, input }: ComputeRequest<K>) => {
  try {
    post({ ok: true, value: computeInline(kind, input) });
  } catch (error) {
    post({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
post({ ready: true });
