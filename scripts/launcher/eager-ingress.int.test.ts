import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl, testTemporalAddress } from "~/test-support/test-slot";
import {
  errorAlert,
  eventually,
  runsForFlow,
  terminateWorkflows,
  twoLevelWebhookFlow,
} from "~/test-support/flow-fixtures";
import { untilPolling } from "~/test-support/task-queue-pollers";
import { createHarness, TEST_SECRET_KEY, workflowBundle, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { spawnTsxProcess, spawnWorkerProcess, type WorkerProcess } from "~/test-support/worker-process";

/**
 * ALERTFLOW_EAGER_START: the web process runs an escalation worker and starts new incidents'
 * workflows eagerly on it. Here the web process (the front server's alert path and eager ingress,
 * test-support/eager-web-process.ts) and a worker process (worker/worker.ts) run for real against
 * the tests' Temporal server and Postgres; the web process is SIGKILLed with the incidents it
 * started in its hands, and the worker process must carry each of them on, exactly once.
 */
let h: Harness;
let receiver: Receiver;
let bundleDir: string;
let worker: WorkerProcess;
const processes: WorkerProcess[] = [];

beforeAll(async () => {
  h = await createHarness();
  receiver = await startReceiver();
  // Bundled once here and read by both processes: bundling in each would cost tens of seconds.
  bundleDir = mkdtempSync(path.join(os.tmpdir(), "alertflow-eager-"));
  writeFileSync(path.join(bundleDir, "workflows.js"), (await workflowBundle()).code);
  // One worker process for both tests: it outlives each test's web process.
  worker = await started(spawnWorkerProcess(processEnv()));
});
afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await receiver?.close();
  await h?.close();
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

const processEnv = () => ({
  DATABASE_URL: testDatabaseUrl(),
  TEMPORAL_ADDRESS: testTemporalAddress(),
  TEMPORAL_TASK_QUEUE: h.taskQueue,
  ALERTFLOW_SECRET_KEY: TEST_SECRET_KEY,
  OUTBOUND_ALLOW_LIST: "127.0.0.1",
  WORKFLOW_BUNDLE_PATH: path.join(bundleDir, "workflows.js"),
});

async function started(process: Promise<WorkerProcess>): Promise<WorkerProcess> {
  const p = await process;
  processes.push(p);
  return p;
}

/** Which processes (pids) completed the workflow's tasks, in order; a worker's identity is `pid@host`. */
async function taskPids(workflowId: string): Promise<number[]> {
  const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).flatMap((event) => {
    const identity = event.workflowTaskCompletedEventAttributes?.identity;
    return identity ? [Number(identity.split("@")[0])] : [];
  });
}

async function historyHas(workflowId: string, what: "timerStarted" | "timerFired"): Promise<boolean> {
  const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).some((event) =>
    what === "timerStarted" ? event.timerStartedEventAttributes : event.timerFiredEventAttributes,
  );
}

/**
 * The web process with eager start on; resolves once it listens and both it and the worker
 * process poll the queue (the worker process must be there to take over).
 */
async function startWebProcess(extraEnv: Record<string, string> = {}) {
  const web = await started(
    spawnTsxProcess({
      script: "test-support/eager-web-process.ts",
      env: { ...processEnv(), ALERTFLOW_EAGER_START: "true", ...extraEnv },
      ready: ["listening on", "ingress worker: polling"],
    }),
  );
  await untilPolling(h, [web.pid, worker.pid], "both processes polling");
  return { web, port: Number(/listening on (\d+)/.exec(web.output.join(""))?.[1]) };
}

const postAlert = (port: number, token: string, key: string) =>
  fetch(`http://127.0.0.1:${port}/api/alerts/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(errorAlert(key)),
  });

const INCIDENTS = 6;
const LEVEL_2_AFTER_S = 4;
/** temporal.api.enums.v1.TaskQueueType (@temporalio/proto is not a dependency of its own here). */

describe("eager workflow start in the web process", () => {
  it("the web process starts its incidents' workflows on its own worker; SIGKILLed holding them, the worker process escalates each exactly once", async () => {
    const name = "eager";
    const { flowId, token } = await twoLevelWebhookFlow(h, receiver.url, name, LEVEL_2_AFTER_S);
    const { web, port } = await startWebProcess();

    const keys = Array.from({ length: INCIDENTS }, (_, i) => `${name}-${i}`);
    const t0 = Date.now();
    for (const key of keys) expect((await postAlert(port, token, key)).status).toBe(202);
    const runs = await eventually(async () => {
      const found = await runsForFlow(h, flowId);
      return found.length === INCIDENTS ? found : undefined;
    });
    const workflowIds = runs.map((run) => run.workflowId);
    try {
      // Temporal handed each first workflow task back in the start's answer, and this process ran it.
      await eventually(
        async () => (workflowIds.every((id) => web.output.join("").includes(`start ${id} `)) ? true : undefined),
        15_000,
        "every start answered",
      );
      for (const id of workflowIds) expect(web.output.join("")).toContain(`start ${id} eager`);
      for (const id of workflowIds)
        await eventually(
          async () => ((await historyHas(id, "timerStarted")) ? true : undefined),
          15_000,
          "level 2 timer",
        );
      for (const id of workflowIds) expect(new Set(await taskPids(id))).toEqual(new Set([web.pid]));

      // The whole process group, with SIGKILL: no graceful shutdown, no sticky workflow handed back.
      // Every level-2 timer is still running, so each incident's next task is owed to a dead process.
      expect(await Promise.all(workflowIds.map((id) => historyHas(id, "timerFired")))).not.toContain(true);
      await web.kill();

      const at = (p: string) => receiver.requests.filter((r) => r.url === p);
      await eventually(async () => (at(`/${name}/l2`).length >= INCIDENTS ? true : undefined), 30_000, "every level 2");
      // The timers fired to the dead process's sticky queue; 2 s later Temporal moved the tasks to
      // the shared queue, and the worker process took them.
      const lastLevel2 = Math.max(...at(`/${name}/l2`).map((r) => r.at));
      expect(lastLevel2 - t0).toBeLessThan(LEVEL_2_AFTER_S * 1000 + 10_000);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(at(`/${name}/l1`)).toHaveLength(INCIDENTS);
      expect(at(`/${name}/l2`)).toHaveLength(INCIDENTS);
      const sentKeys = receiver.requests.map((r) => String(r.headers["idempotency-key"]));
      expect(new Set(sentKeys).size).toBe(INCIDENTS * 2);
      for (const id of workflowIds) {
        // Level 2 may have come from the worker process's due-send job, ahead of the workflow's
        // own task for it, which the worker process runs once the sticky queue times out.
        const pids = await eventually(
          async () => {
            const found = await taskPids(id);
            return found.slice(1).includes(worker.pid) ? found : undefined;
          },
          15_000,
          "the level-2 task on the worker process",
        );
        expect(pids[0]).toBe(web.pid);
        expect(pids.slice(1)).toContain(worker.pid);
        expect(pids.slice(1)).not.toContain(web.pid);
        const history = await h.client.workflow.getHandle(id).fetchHistory();
        expect(history.events?.filter((e) => e.workflowExecutionStartedEventAttributes)).toHaveLength(1);
      }
    } finally {
      await terminateWorkflows(h, workflowIds);
    }
  }, 90_000);

  it("SIGKILLed with a first workflow task in hand: the task times out, the worker process runs it, the incident escalates exactly once", async () => {
    const name = "eager-in-hand";
    const { flowId, token } = await twoLevelWebhookFlow(h, receiver.url, name, LEVEL_2_AFTER_S);
    const { web, port } = await startWebProcess({ EAGER_WEB_HANG: "1" });
    const t0 = Date.now();
    expect((await postAlert(port, token, name)).status).toBe(202);
    const [run] = await eventually(async () => {
      const found = await runsForFlow(h, flowId);
      return found.length === 1 ? found : undefined;
    });
    const workflowId = run?.workflowId ?? "";
    try {
      await eventually(
        async () => (web.output.join("").includes(`start ${workflowId} eager`) ? true : undefined),
        15_000,
        "started eagerly",
      );
      // Handed to the web process in the start's answer, and not completed by it.
      const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
      const firstTask = history.events?.find((e) => e.workflowTaskStartedEventAttributes);
      expect(Number(firstTask?.workflowTaskStartedEventAttributes?.identity?.split("@")[0])).toBe(web.pid);
      expect(await taskPids(workflowId)).toEqual([]);
      await web.kill();

      // Temporal's workflow task timeout (10 s) gives the task to the shared queue.
      const at = (p: string) => receiver.requests.filter((r) => r.url === p);
      await eventually(async () => (at(`/${name}/l2`).length >= 1 ? true : undefined), 30_000, "level 2");
      expect((at(`/${name}/l2`)[0]?.at ?? 0) - t0).toBeLessThan(10_000 + LEVEL_2_AFTER_S * 1000 + 8_000);
      // Level 1 went out from the endpoint, or the hang came first: then the workflow sends it once
      // the endpoint's lease (15 s from the claim) runs out, and if the endpoint's send went out
      // unrecorded, again under the same idempotency key (receivers drop it).
      await eventually(async () => (at(`/${name}/l1`).length >= 1 ? true : undefined), 30_000, "level 1");
      await new Promise((r) => setTimeout(r, 1_500));
      expect(at(`/${name}/l2`)).toHaveLength(1);
      expect(new Set(at(`/${name}/l1`).map((r) => String(r.headers["idempotency-key"]))).size).toBe(1);
      const after = await h.client.workflow.getHandle(workflowId).fetchHistory();
      expect(after.events?.some((e) => e.workflowTaskTimedOutEventAttributes)).toBe(true);
      expect(after.events?.filter((e) => e.workflowExecutionStartedEventAttributes)).toHaveLength(1);
      expect(new Set(await taskPids(workflowId))).toEqual(new Set([worker.pid]));
    } finally {
      await terminateWorkflows(h, [workflowId]);
    }
  }, 90_000);
});
