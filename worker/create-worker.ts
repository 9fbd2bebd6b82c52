import type { NativeConnection, Worker, WorkerOptions } from "@temporalio/worker";
import type { Db } from "~/db/client";
import { createActivities } from "./activities/create-activities";
import { createIntegrationSender } from "./activities/integration-sender";
import { HooklessWorker } from "./hookless-worker";
import { workflowsPath } from "./worker-options";
import { WORKER_BUILD_ID } from "~/server/temporal-build-id";
import { deliveryRetryPolicy } from "~/core/delivery/retry-policy";
import type { Keyring } from "~/server/security/secret-keyring";

export type Activities = ReturnType<typeof createActivities>;

export interface ActivityWiring {
  db: Db;
  keyring: Keyring;
  allowList: string[];
  publicUrl: string;
}

/** The activities as production runs them: real sender, real clock, real jitter. */
export function wireActivities({ db, keyring, allowList, publicUrl }: ActivityWiring): Activities {
  return createActivities({
    db,
    send: createIntegrationSender({ db, keyring, allowList, publicUrl }),
    now: () => new Date(),
    random: Math.random,
  });
}

export interface EscalationWorkerOptions extends Pick<WorkerOptions, "workflowBundle" | "namespace"> {
  connection: NativeConnection;
  taskQueue: string;
  activities: Activities;
}

/**
 * The one worker setup, shared by the worker process and the tests. Tests pass a prebuilt
 * bundle (bundling is the slow part) and may pass fake activities.
 *
 * Pollers, workflow-task slots, the workflow cache and the workflow threads stay the SDK's
 * (1.24: 10 workflow-task pollers, a fifth of them on the shared queue; 40 slots; a cache sized
 * from the heap, about 2,400 here; one thread with a reused V8 context). Measured with
 * `npm run bench` on 30 Nov (c=10, 1,000 incidents, and a storm of 1,000), none did better:
 * `nonStickyToStickyPollRatio` 1 and autoscaling pollers start a new incident's first task
 * sooner (the last one 2.5–3.5 s after the last message instead of 3–6 s, the storm's queue
 * 40–80 tasks instead of 140–260) for the same CPU per incident and no better level-2 lateness;
 * 4 pollers, 10 slots and 2 workflow threads cost more CPU or left first tasks queued longer.
 */
export function createEscalationWorker({ workflowBundle, ...options }: EscalationWorkerOptions): Promise<Worker> {
  return HooklessWorker.create({
    ...options,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath }),
    // Known to the starters, which give the BuildIds search attribute with the start (server/temporal-build-id.ts).
    buildId: WORKER_BUILD_ID,
    // A crashed worker's sticky workflow tasks move to the shared queue after this long.
    stickyQueueScheduleToStartTimeout: "2s",
    maxConcurrentActivityTaskExecutions: 200,
    maxConcurrentLocalActivityExecutions: 200,
    // A stopping worker lets the sends in flight finish and record the receiver's answer (their
    // attempt timeout bounds them), but never waits longer: a stuck activity must not keep a
    // SIGTERMed worker, or a test's teardown, from ending.
    shutdownForceTime: deliveryRetryPolicy.attemptTimeoutMs + 10_000,
  });
}
