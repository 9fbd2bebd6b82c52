import path from "node:path";
import type { Worker } from "node:worker_threads";

/**
 * CPU-bound work (rendering and validating templates) on worker threads, so that one heavy
 * request cannot stall the event loop that answers every other request, `/api/health` included.
 * Each task has a time budget: a thread that overruns it is terminated (the only way to stop
 * synchronous JavaScript) and a fresh one serves the next task.
 *
 * Why not piscina: what needs care here is loading TypeScript sources in the thread (through
 * tsx, as `npm start` and the worker process load theirs) and the time budget, not the pooling,
 * which for two threads is the few lines below.
 */
export class TaskTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The task took longer than ${timeoutMs} ms`);
    this.name = "TaskTimeoutError";
  }
}

/** The thread could not start (entry missing, tsx absent): callers may do the work inline instead. */
export class ThreadStartError extends Error {
  constructor(cause: unknown) {
    super(`A worker thread could not start: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "ThreadStartError";
  }
}

/** What an entry posts: `ready` once its modules are loaded, then one answer per task. */
export type ThreadMessage<O> = { ready: true } | { ok: true; value: O } | { ok: false; error: string };

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

interface Job {
  /** Sends the task to a ready thread; settles with its answer. */
  start: (worker: Worker) => Promise<void>;
  reject: (error: Error) => void;
}

export interface ThreadPoolOptions {
  /** The entry module, relative to the project root. */
  entry: string;
  size: number;
  /** Budget of one task, from when a ready thread receives it. */
  timeoutMs: number;
  /** Budget for a new thread to load its modules (slow on a busy machine, once). */
  startTimeoutMs?: number;
}

export class ThreadPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];

  constructor(private readonly options: ThreadPoolOptions) {}

  /** Runs one task; `O` is what the entry answers for `input` (the entry owns that contract). */
  run<O>(input: unknown): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ start: (worker) => this.answer<O>(worker, input).then(resolve), reject });
      this.pump();
    });
  }

  /** Stops every thread (tests, shutdown); queued tasks are refused. */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new Error("the thread pool is closed"));
    await Promise.all([...this.slots].map((slot) => slot.worker.terminate()));
    this.slots.clear();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = [...this.slots].find((s) => !s.busy) ?? this.spawn();
      const job = slot && this.queue.shift();
      if (!slot || !job) return;
      slot.busy = true;
      void this.dispatch(slot, job).finally(() => this.pump());
    }
  }

  private spawn(): Slot | undefined {
    if (this.slots.size >= this.options.size) return undefined;
    // Resolved at run time from the project root, and the constructor taken from Node at run
    // time: Turbopack resolves `new Worker(…)` from a static import as a module to bundle, and
    // fails the build on a path it cannot know; nor should it trace the project for this path.
    // The thread loads the sources through tsx.
    const entry = path.join(/* turbopackIgnore: true */ process.cwd(), this.options.entry);
    const threads = process.getBuiltinModule("node:worker_threads");
    const worker = new threads.Worker(entry, { execArgv: ["--import", "tsx"] });
    // An idle thread must not keep a finished process (a test run, a CLI) alive.
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new ThreadStartError(new Error("it did not load in time"))),
        this.options.startTimeoutMs ?? 60_000,
      );
      const settle = (error?: Error) => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        if (error) reject(new ThreadStartError(error));
        else resolve();
      };
      const onMessage = (message: ThreadMessage<unknown>) => "ready" in message && settle();
      const onError = (error: Error) => settle(error);
      const onExit = (code: number) => settle(new Error(`it exited with code ${code}`));
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    });
    const slot: Slot = { worker, ready, busy: false };
    this.slots.add(slot);
    return slot;
  }

  private async dispatch(slot: Slot, job: Job): Promise<void> {
    const { worker } = slot;
    worker.ref();
    try {
      await slot.ready;
      await job.start(worker);
      slot.busy = false;
    } catch (error) {
      // A thread that failed, overran or never started is not used again.
      this.slots.delete(slot);
      void worker.terminate();
      job.reject(error instanceof Error ? error : new Error(String(error)));
    } finally {
      worker.unref();
    }
  }

  private answer<O>(worker: Worker, input: unknown): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      const timer = setTimeout(() => fail(new TaskTimeoutError(this.options.timeoutMs)), this.options.timeoutMs);
      const done = () => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", fail).off("exit", onExit);
      };
      const fail = (error: Error) => {
        done();
        reject(error);
      };
      const onMessage = (message: ThreadMessage<O>) => {
        if ("ready" in message) return;
        done();
        if (message.ok) resolve(message.value);
        else reject(new Error(message.error));
      };
      const onExit = (code: number) => fail(new Error(`the worker thread exited with code ${code}`));
      worker.on("message", onMessage).on("error", fail).on("exit", onExit);
      worker.postMessage(input);
    });
  }
}
