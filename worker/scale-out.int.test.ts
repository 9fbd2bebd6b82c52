import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl, testTemporalAddress } from "~/test-support/test-slot";
import { spawnWorker } from "~/scripts/launcher/start-app";
import type { GroupChild } from "~/scripts/launcher/process-group";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { untilPolling } from "~/test-support/task-queue-pollers";
import { createHarness, TEST_SECRET_KEY, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import {
  errorAlert,
  eventually,
  messageOf,
  okAlert,
  publishedFlow,
  runsForFlow,
  webhook,
} from "~/test-support/flow-fixtures";

let h: Harness;
let receiver: Receiver;
const workers: GroupChild[] = [];
beforeAll(async () => {
  h = await createHarness();
  receiver = await startReceiver();
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await receiver?.close();
  await h?.close();
});

/** A worker process exactly as `npm run worker` starts it, in its own process group. */
async function startWorkerProcess(name: string): Promise<GroupChild> {
  let output = "";
  let ready: () => void = () => undefined;
  const polling = new Promise<void>((resolve) => (ready = resolve));
  const env = {
    ...process.env,
    DATABASE_URL: testDatabaseUrl(),
    TEMPORAL_ADDRESS: testTemporalAddress(),
    TEMPORAL_TASK_QUEUE: h.taskQueue,
    ALERTFLOW_SECRET_KEY: TEST_SECRET_KEY,
    OUTBOUND_ALLOW_LIST: "127.0.0.1",
  };
  // Kept, not printed: shown only if the worker fails to start.
  const worker = spawnWorker(name, env, (d) => {
    output += d.toString();
    if (output.includes("worker: polling")) ready();
  });
  workers.push(worker);
  await Promise.race([
    polling,
    worker.exited.then(({ code }) => {
      throw new Error(`${name} exited with ${code} before polling:\n${output}`);
    }),
  ]);
  return worker;
}

/** Which worker processes completed workflow tasks of a workflow (identity is `pid@host`). */
async function workerPidsOf(workflowId: string): Promise<Set<number>> {
  const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
  const pids = new Set<number>();
  for (const event of history.events ?? []) {
    const identity = event.workflowTaskCompletedEventAttributes?.identity;
    if (identity) pids.add(Number(identity.split("@")[0]));
  }
  return pids;
}

const INCIDENTS = 8;
/** temporal.api.enums.v1.TaskQueueType (@temporalio/proto is not a dependency of its own here). */
const LEVEL_2_AFTER_S = 10;

describe("scale-out", () => {
  it("two worker processes share incidents; when one is killed mid-escalation the other carries every incident on, nothing lost or doubled", async () => {
    const integrationId = await webhook(h, "Scale-out", `${receiver.url}/scale`);
    const graph = graphOf(
      [
        triggerNode("t"),
        levelNode("l1", { level: 1, afterSeconds: 0 }),
        levelNode("l2", { level: 2, afterSeconds: LEVEL_2_AFTER_S }),
        integrationNode("i1", { integrationId }),
        integrationNode("i2", { integrationId }),
      ],
      [edge("t", "out", "l1"), edge("l1", "next", "l2"), edge("l1", "out", "i1"), edge("l2", "out", "i2")],
    );
    const { flowId, token } = await publishedFlow(h, "Scale-out", graph);
    const [first, second] = await Promise.all([startWorkerProcess("worker-1"), startWorkerProcess("worker-2")]);
    // "polling" is printed as a worker starts; on a busy machine one may take seconds more to
    // reach the server and the other would take every incident. Temporal lists both first.
    await untilPolling(h, [first.child.pid ?? 0, second.child.pid ?? 0], "both workers polling");
    const keys = Array.from({ length: INCIDENTS }, (_, i) => `scale-${i}`);
    for (const key of keys) expect((await h.postAlert(token, errorAlert(key))).status).toBe(202);

    const byLevel = (level: string, type = "Alert") =>
      receiver.requests.filter((r) => messageOf(r.json).level === level && messageOf(r.json).type === type);
    await eventually(async () => (byLevel("1").length >= INCIDENTS ? true : undefined), 30_000, "every level 1");

    const runs = await runsForFlow(h, flowId);
    expect(runs).toHaveLength(INCIDENTS);
    // The first messages went out from the endpoint; the workflows may not have run yet. A
    // message's first attempt runs as a local activity, recorded in history only with the
    // workflow task that also starts level 2's timer. A kill before that replays the attempt on
    // the survivor: sent twice under one idempotency key (receivers drop the second), which this
    // test's "nothing doubled" does not cover; so it kills once every timer has started.
    for (const run of runs) {
      const history = () => h.client.workflow.getHandle(run.workflowId).fetchHistory();
      await eventually(async () =>
        (await history()).events?.some((event) => event.timerStartedEventAttributes) ? true : undefined,
      );
    }

    // Both processes took part, so the kill below strands real incidents on the killed one.
    const firstPid = first.child.pid ?? 0;
    const ranOnFirst = [];
    for (const run of runs) if ((await workerPidsOf(run.workflowId)).has(firstPid)) ranOnFirst.push(run.workflowId);
    expect(ranOnFirst.length).toBeGreaterThan(0);
    expect(ranOnFirst.length).toBeLessThan(INCIDENTS);

    // The whole process group, with SIGKILL: no graceful shutdown, no chance to hand work over.
    process.kill(-(first.child.pid ?? 0), "SIGKILL");
    await first.exited;

    // A delivery attempt the killed worker held is retried only after its 30 s attempt timeout,
    // and on a loaded CI machine (the integration files run side by side) the survivor's backlog
    // comes on top: 60 s was missed once at load 2-6 with every file in parallel (passes in 31 s
    // alone). Lost or doubled messages still fail below.
    await eventually(async () => (byLevel("2").length >= INCIDENTS ? true : undefined), 120_000, "every level 2");
    for (const key of keys) expect((await h.postAlert(token, okAlert(key))).status).toBe(202);
    await eventually(async () => (byLevel("1", "Ok").length >= INCIDENTS ? true : undefined), 30_000, "every Ok");
    await eventually(async () => (byLevel("2", "Ok").length >= INCIDENTS ? true : undefined), 30_000, "every Ok");
    await new Promise((r) => setTimeout(r, 1500));

    // Every message once: one per incident, level and type, each with its own idempotency key.
    const sent = receiver.requests.map((r) => String(r.headers["idempotency-key"]));
    expect(sent).toHaveLength(INCIDENTS * 4);
    expect(new Set(sent).size).toBe(INCIDENTS * 4);
    // The survivor finished the incidents that had run on the killed worker.
    const secondPid = second.child.pid ?? 0;
    for (const workflowId of ranOnFirst) expect((await workerPidsOf(workflowId)).has(secondPid)).toBe(true);
    const finished = await runsForFlow(h, flowId);
    expect(finished.map((r) => r.status)).toEqual(Array(INCIDENTS).fill("resolved"));
  }, 240_000);
});
