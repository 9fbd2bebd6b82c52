import { Connection } from "@temporalio/client";

/** temporal.api.enums.v1's values (@temporalio/proto is not a dependency of its own here). */
const TASK_QUEUE_KIND_NORMAL = 1;
const TASK_QUEUE_TYPE_WORKFLOW = 1;

/**
 * Samples the workflow task queue's backlog once a second (DescribeTaskQueue with stats): the
 * first tasks of new workflows wait there; a sticky worker's later tasks go to its own queue and
 * show in the histories instead. Errors (Temporal restarting) skip a sample.
 */
export async function sampleBacklog(address: string, taskQueue: string) {
  const connection = await Connection.connect({ address });
  let maxCount = 0;
  let maxAgeMs = 0;
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const { stats } = await connection.workflowService.describeTaskQueue({
          namespace: "default",
          taskQueue: { name: taskQueue, kind: TASK_QUEUE_KIND_NORMAL },
          taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
          reportStats: true,
        });
        const count = Number(stats?.approximateBacklogCount ?? 0);
        const age = stats?.approximateBacklogAge;
        const ageMs = age ? Number(age.seconds ?? 0) * 1000 + (age.nanos ?? 0) / 1e6 : 0;
        maxCount = Math.max(maxCount, count);
        maxAgeMs = Math.max(maxAgeMs, ageMs);
        samples++;
      } catch {
        // Temporal restarting: no sample this second.
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await connection.close();
      return { maxCount, maxAgeMs, samples };
    },
  };
}

export type Backlog = Awaited<ReturnType<typeof sampleBacklog>>;
