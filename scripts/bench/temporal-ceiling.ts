import { Client } from "@temporalio/client";
import { DefaultLogger, NativeConnection, Runtime, Worker } from "@temporalio/worker";
import { fileURLToPath } from "node:url";
import { pool } from "./stats";

export interface CeilingResult {
  workflows: number;
  concurrency: number;
  perSecond: number;
  /** Workflow start → its activity running, one sender (closed loop). */
  startToActivity: number[];
  /** How many of `total` measured starts the server handed straight to this worker. */
  eagerlyStarted: number;
  total: number;
}

const workflowsPath = fileURLToPath(new URL("./ceiling-workflow.ts", import.meta.url));

/**
 * The best shape of Temporal on this machine: client and worker in one process sharing one
 * native connection, eager workflow start, and a local activity. N trivial workflows at c=10,
 * each awaited to completion, plus a closed loop of one sender for start → activity latency.
 */
export async function measureCeiling(opts: {
  address: string;
  workflows: number;
  concurrency: number;
  latencySamples: number;
}): Promise<CeilingResult> {
  // The worker's INFO lines would cost the bench CPU and bury its table.
  Runtime.install({ logger: new DefaultLogger("WARN") });
  const connection = await NativeConnection.connect({ address: opts.address });
  const taskQueue = `ceiling-${Date.now().toString(36)}`;
  const reached = new Map<string, number>();
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath,
    activities: {
      touch: async (key: string) => {
        reached.set(key, performance.now());
      },
    },
  });
  const client = new Client({ connection });
  let eagerlyStarted = 0;
  const run = async (key: string) => {
    const handle = await client.workflow.start("ceilingWorkflow", {
      taskQueue,
      workflowId: key,
      args: [key],
      requestEagerStart: true,
    });
    if (handle.eagerlyStarted) eagerlyStarted++;
    await handle.result();
  };
  try {
    return await worker.runUntil(async () => {
      for (let i = 0; i < 20; i++) await run(`${taskQueue}-warm-${i}`);
      eagerlyStarted = 0;
      const startToActivity: number[] = [];
      for (let i = 0; i < opts.latencySamples; i++) {
        const key = `${taskQueue}-one-${i}`;
        const t0 = performance.now();
        await run(key);
        startToActivity.push((reached.get(key) ?? Number.NaN) - t0);
      }
      const elapsed = await pool(opts.workflows, opts.concurrency, (i) => run(`${taskQueue}-many-${i}`));
      return {
        total: opts.workflows + opts.latencySamples,
        workflows: opts.workflows,
        concurrency: opts.concurrency,
        perSecond: (opts.workflows * 1000) / elapsed,
        startToActivity,
        eagerlyStarted,
      };
    });
  } finally {
    await connection.close();
  }
}
