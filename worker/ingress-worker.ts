import { Client, type WorkflowClientInterceptor } from "@temporalio/client";
import { bundleWorkflowCode, NativeConnection, type WorkflowBundleOption } from "@temporalio/worker";
import type { Db } from "~/db/client";
import type { Env } from "~/server/env";
import type { Keyring } from "~/server/security/secret-keyring";
import { temporalConnectionOptions, type TemporalConnectionEnv } from "~/server/temporal-connection";
import { createEscalationWorker, wireActivities } from "./create-worker";
import { workflowsPath } from "./worker-options";

export interface IngressWorker {
  /**
   * The client the web process starts its incidents' workflows with, on this worker's connection,
   * each start asking for eager start; null while the worker is not running (Temporal down, still
   * bundling), and the caller then uses its ordinary client.
   */
  client(): Client | null;
  /** Stops polling, lets the tasks in hand finish, closes the connection. */
  stop(): Promise<void>;
}

export interface IngressWorkerOptions {
  env: TemporalConnectionEnv &
    Pick<
      Env,
      "TEMPORAL_NAMESPACE" | "TEMPORAL_TASK_QUEUE" | "WORKFLOW_BUNDLE_PATH" | "OUTBOUND_ALLOW_LIST" | "PUBLIC_URL"
    >;
  db: Db;
  keyring: Keyring;
  /** Each start's outcome: whether Temporal handed its first workflow task back (tests, diagnosis). */
  onStarted?: (workflowId: string, eagerlyStarted: boolean) => void;
  log?: (line: string) => void;
}

/** Waits before connecting again after the worker could not start or stopped with an error. */
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Asks for eager start on every workflow start: the server then puts the first workflow task in
 * the start's answer, and core hands it to this process's worker (when it has a free slot;
 * otherwise core drops the request and the task is queued as usual). A server that does not do
 * eager start queues the task as usual too.
 */
function eagerStarts(onStarted: IngressWorkerOptions["onStarted"]): WorkflowClientInterceptor {
  return {
    async startWithDetails(input, next) {
      const output = await next({ ...input, options: { ...input.options, requestEagerStart: true } });
      onStarted?.(input.options.workflowId, output.eagerlyStarted);
      return output;
    },
  };
}

/**
 * An escalation worker inside the web process (ALERTFLOW_EAGER_START), on the same task queue as
 * the worker processes, with the same setup and activities. Starting a workflow through client()
 * skips the task queue round trip and the other process: the workflow's first task runs here,
 * right after the start. Its later tasks stay here while the workflow is in this worker's cache
 * (sticky); if this process dies, Temporal moves them to the shared queue after the sticky
 * timeout (2 s), and a first task in hand after the workflow task timeout (10 s), where the
 * worker processes take them.
 *
 * Temporal may be down when the web server starts: the worker keeps trying to connect in the
 * background, and the web server starts its workflows as before meanwhile.
 */
export function startIngressWorker({
  env,
  db,
  keyring,
  onStarted,
  log = console.log,
}: IngressWorkerOptions): IngressWorker {
  let client: Client | null = null;
  let stopping = false;
  let stopCurrent: (() => Promise<void>) | null = null;
  let wake: () => void = () => undefined;
  let bundle: Promise<WorkflowBundleOption> | undefined;
  // Bundled once per process, not again on each reconnect (bundling is the slow part).
  const workflowBundle = () =>
    (bundle ??= env.WORKFLOW_BUNDLE_PATH
      ? Promise.resolve({ codePath: env.WORKFLOW_BUNDLE_PATH })
      : bundleWorkflowCode({ workflowsPath }).then(({ code }) => ({ code })));
  const activities = wireActivities({ db, keyring, allowList: env.OUTBOUND_ALLOW_LIST, publicUrl: env.PUBLIC_URL });

  const runOnce = async () => {
    const connection = await NativeConnection.connect(temporalConnectionOptions(env));
    try {
      const worker = await createEscalationWorker({
        connection,
        namespace: env.TEMPORAL_NAMESPACE,
        taskQueue: env.TEMPORAL_TASK_QUEUE,
        workflowBundle: await workflowBundle(),
        activities,
      });
      if (stopping) return;
      const running = worker.run();
      stopCurrent = async () => {
        if (worker.getState() === "RUNNING") worker.shutdown();
        await running.catch(() => undefined);
      };
      client = new Client({
        connection,
        namespace: env.TEMPORAL_NAMESPACE,
        interceptors: { workflow: [eagerStarts(onStarted)] },
      });
      log(`ingress worker: polling task queue "${env.TEMPORAL_TASK_QUEUE}"; new incidents start eagerly here`);
      await running;
    } finally {
      client = null;
      stopCurrent = null;
      await connection.close().catch(() => undefined);
    }
  };

  const loop = (async () => {
    for (let failures = 0; !stopping;) {
      try {
        await runOnce();
        failures = 0;
      } catch (error) {
        log(`ingress worker: ${error instanceof Error ? error.message : String(error)}; workflows start without it`);
        failures++;
      }
      if (stopping) break;
      const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)] ?? 30_000;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, delay).unref();
      });
    }
  })();

  return {
    client: () => client,
    async stop() {
      stopping = true;
      wake();
      await stopCurrent?.();
      await loop;
    },
  };
}
