import v8 from "node:v8";

/**
 * The worker's workflow thread: the SDK's own thread entry, loaded after V8's promise hooks are
 * made unavailable here. The SDK installs one to answer the `__stack_trace` query: for every
 * promise a workflow creates it captures a stack trace, maps each frame through the bundle's
 * source map and compiles a function to find the promise's workflow (sdk-typescript #1587, open),
 * and with any hook installed V8 leaves its fast path for every await. Measured under the bench's
 * 10 senders it was about a third of this thread's CPU. Without the hook the SDK runs as it does
 * where hooks do not exist (Bun): workflows are unchanged, and the stack trace query answers that
 * stack traces are not enabled on this worker. Only this thread is touched.
 */
v8.promiseHooks.createHook = () => {
  throw new Error("promise hooks are off in the workflow thread");
};
// The file, not the folder of the same name beside it.
await import("@temporalio/worker/lib/workflow/workflow-worker-thread.js");
