import { parentPort } from "node:worker_threads";

/** A worker-thread entry for thread-pool tests: busy-waits `spinMs`, then answers `spinMs`. */
const port = parentPort;
if (!port) throw new Error("spin-thread.ts runs only as a worker thread");
port.on("message", ({ spinMs }: { spinMs: number }) => {
  const until = Date.now() + spinMs;
  while (Date.now() < until);
  port.postMessage({ ok: true, value: spinMs });
});
port.postMessage({ ready: true });
