import { onePer } from "~/core/one-per";
import type { Client } from "@temporalio/client";
import type { Db } from "~/db/client";
import type { EscalationInput } from "~/workflows/messages";
import { startOpenedIncident } from "./incident-inbox";
import { TemporalUnavailableError } from "./temporal-deadline";

type StartDeps = { db: Db; temporal: Client; taskQueue: string };

export interface BackgroundStarts {
  /** Queues the start of an incident the endpoint committed; never rejects, never waits. */
  start(deps: StartDeps, workflowId: string, input: EscalationInput): void;
  /** Resolves once nothing is queued, running or waiting to be tried again (tests, shutdown). */
  settled(): Promise<void>;
}

export interface BackgroundStartOptions {
  /** Starts in flight at once: a storm of new incidents must not open a gRPC call per alert. */
  concurrency?: number;
  /** Waits before each new try after Temporal did not answer; after the last, the re-start job owns it. */
  retryDelaysMs?: readonly number[];
}

/**
 * 1 + 8 tries over about 30 s: a Temporal restart (seconds) is ridden out here; a longer outage, or
 * this process dying, is left to the worker's re-start job, which starts what the claim row holds.
 */
const RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000, 5_000, 8_000, 10_000];
const CONCURRENCY = 16;

/**
 * Starts the workflows of incidents the alert endpoint opened, after their 202. The claim row in
 * Postgres already holds the whole workflow input, so the alert is durable at its commit; the
 * start only has to happen soon and exactly once, which startOpenedIncident makes safe to try
 * again (its own earlier start, the re-start job's, or the ending previous incident's run).
 */
export function createBackgroundStarts({
  concurrency = CONCURRENCY,
  retryDelaysMs = RETRY_DELAYS_MS,
}: BackgroundStartOptions = {}): BackgroundStarts {
  type Job = { deps: StartDeps; workflowId: string; input: EscalationInput; tries: number };
  const queue: Job[] = [];
  let running = 0;
  let waiting = 0;
  let onSettled: (() => void)[] = [];

  const settle = () => {
    if (queue.length > 0 || running > 0 || waiting > 0) return;
    const resolvers = onSettled;
    onSettled = [];
    for (const resolve of resolvers) resolve();
  };

  const pump = () => {
    while (running < concurrency && queue.length > 0) {
      const job = queue.shift();
      if (!job) break;
      running++;
      void run(job).finally(() => {
        running--;
        pump();
        settle();
      });
    }
  };

  const run = async (job: Job) => {
    try {
      await startOpenedIncident(job.deps, job.workflowId, job.input);
    } catch (error) {
      const delay = retryDelaysMs[job.tries];
      if (error instanceof TemporalUnavailableError && delay !== undefined) {
        waiting++;
        // Unref'd: a process that is stopping does not wait for this; the re-start job takes over.
        setTimeout(() => {
          waiting--;
          queue.push({ ...job, tries: job.tries + 1 });
          pump();
          settle();
        }, delay).unref();
        return;
      }
      console.warn(
        `inbound: incident ${job.workflowId} not started here (${error instanceof Error ? error.name : String(error)}); the worker's re-start job starts it`,
      );
    }
  };

  return {
    start(deps, workflowId, input) {
      queue.push({ deps, workflowId, input, tries: 0 });
      pump();
    },
    settled() {
      return new Promise<void>((resolve) => {
        onSettled.push(resolve);
        settle();
      });
    },
  };
}

/** One queue per Temporal client, so per web process. */
export const backgroundStartsFor = onePer<Client, BackgroundStarts>(() => createBackgroundStarts());
