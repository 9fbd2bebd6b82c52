import { Worker as NodeWorker } from "node:worker_threads";
import { Worker, type Logger } from "@temporalio/worker";
import type { CompiledWorkerOptions } from "@temporalio/worker/lib/worker-options";
import type { WorkflowCreator } from "@temporalio/worker/lib/workflow/interface";
import { ThreadedVMWorkflowCreator, WorkerThreadClient } from "@temporalio/worker/lib/workflow/threaded-vm";
import type { WorkflowBundleWithSourceMapAndFilename } from "@temporalio/worker/lib/workflow/workflow-worker-thread/input";
import { workflowThreadPath } from "./worker-options";

/**
 * Temporal's Worker with its workflow threads started from worker/workflow-thread.ts, which runs
 * the SDK's own thread without the promise hook behind the stack trace query (why: see there).
 * Everything else is the SDK's: the same thread protocol, creator and options; the debug mode
 * (workflows in the main thread) is left as it is.
 */
export class HooklessWorker extends Worker {
  protected static override async createWorkflowCreator(
    workflowBundle: WorkflowBundleWithSourceMapAndFilename,
    options: CompiledWorkerOptions,
    logger: Logger,
  ): Promise<WorkflowCreator> {
    if (options.debugMode) return super.createWorkflowCreator(workflowBundle, options, logger);
    const clients = Array.from(
      { length: options.workflowThreadPoolSize },
      // The thread entry is TypeScript, loaded through tsx as the compute threads are.
      () =>
        new WorkerThreadClient(
          new NodeWorker(workflowThreadPath, { execArgv: ["--import", "tsx"] }),
          logger,
          options.patchActivationCallback,
        ),
    );
    await Promise.all(
      clients.map((client) =>
        client.send({
          type: "init",
          workflowBundle,
          isolateExecutionTimeoutMs: options.isolateExecutionTimeoutMs,
          reuseV8Context: options.reuseV8Context,
          registeredActivityNames: new Set(options.activities.keys()),
          hasPatchActivationCallback: options.patchActivationCallback !== undefined,
        }),
      ),
    );
    return new ThreadedVMWorkflowCreator(clients);
  }
}
