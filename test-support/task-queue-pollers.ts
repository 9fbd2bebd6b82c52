import { eventually } from "./flow-fixtures";
import type { Harness } from "./harness";

const TASK_QUEUE_TYPE_WORKFLOW = 1;

/**
 * Waits until Temporal lists every process in `pids` polling the harness's workflow queue: a
 * process prints "polling" as its worker starts, but on a busy machine may reach the server
 * seconds later, and the first one there would take every task.
 */
export async function untilPolling(h: Harness, pids: readonly number[], what: string): Promise<void> {
  await eventually(
    async () => {
      const { pollers } = await h.client.workflowService.describeTaskQueue({
        namespace: "default",
        taskQueue: { name: h.taskQueue },
        taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
      });
      const polling = new Set(pollers?.map((poller) => Number(poller.identity?.split("@")[0])));
      return pids.every((pid) => polling.has(pid)) ? true : undefined;
    },
    30_000,
    what,
  );
}
