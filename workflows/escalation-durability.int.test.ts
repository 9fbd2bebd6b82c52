import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import {
  edge,
  graphOf,
  integrationNode,
  levelNode,
  triggerNode,
  singleLevelGraph,
} from "../test-support/graph-builder";
import { compilePlan } from "../core/flow/compile-plan";
import { createHarness, TEST_SECRET_KEY, type Harness } from "../test-support/harness";
import { startReceiver } from "../test-support/http-receiver";
import {
  errorAlert,
  eventually,
  messageOf,
  okAlert,
  publishedFlow,
  runsForFlow,
  webhook,
} from "../test-support/flow-fixtures";
import { alertEventSignal, ESCALATION_WORKFLOW, type EscalationInput, type EscalationSnapshot } from "./messages";

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  h = await createHarness();
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const at = (path: string) => receiver.requests.filter((r) => r.url === path);

/** The production worker entry point, as its own OS process. */
function spawnWorker(): Promise<ChildProcess> {
  const child = spawn("node_modules/.bin/tsx", ["worker/worker.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: inject("databaseUrl"),
      TEMPORAL_ADDRESS: inject("temporalAddress"),
      TEMPORAL_TASK_QUEUE: h.taskQueue,
      ALERTFLOW_SECRET_KEY: TEST_SECRET_KEY,
      OUTBOUND_ALLOW_LIST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("worker did not start in 60 s")), 60_000);
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("worker: polling")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

describe("durability", () => {
  it("a worker killed with SIGKILL between level 1 and level 2: level 2 fires on time, level 1 is not resent", async () => {
    const [a, b] = await Promise.all([
      webhook(h, "K1", `${receiver.url}/kill/l1`),
      webhook(h, "K2", `${receiver.url}/kill/l2`),
    ]);
    const graph = graphOf(
      [
        triggerNode("t"),
        levelNode("l1", { level: 1, afterSeconds: 0 }),
        levelNode("l2", { level: 2, afterSeconds: 12 }),
        integrationNode("i1", { integrationId: a }),
        integrationNode("i2", { integrationId: b }),
      ],
      [edge("t", "out", "l1"), edge("l1", "next", "l2"), edge("l1", "out", "i1"), edge("l2", "out", "i2")],
    );
    const { flowId, token } = await publishedFlow(h, "Crash", graph);
    let worker = await spawnWorker();
    const t0 = Date.now();
    await h.postAlert(token, errorAlert("crash"));
    await eventually(async () => (at("/kill/l1").length === 1 ? true : undefined), 20_000, "level 1");

    worker.kill("SIGKILL");
    await new Promise((r) => worker.once("exit", r));
    await sleep(1000);
    worker = await spawnWorker();

    await eventually(async () => (at("/kill/l2").length === 1 ? true : undefined), 30_000, "level 2");
    const l2At = (at("/kill/l2")[0]?.at ?? 0) - t0;
    expect(l2At).toBeGreaterThanOrEqual(11_900);
    expect(l2At).toBeLessThan(12_000 + 5_000);
    expect(messageOf(at("/kill/l2")[0]?.json).type).toBe("Alert");
    await sleep(1000);
    expect(at("/kill/l1")).toHaveLength(1);

    await h.postAlert(token, okAlert("crash"));
    const [run] = await runsForFlow(h, flowId);
    await h.client.workflow.getHandle(run?.workflowId ?? "").result();
    worker.kill("SIGTERM");
    await new Promise((r) => worker.once("exit", r));
  });

  it("continues as new before the history grows large, keeping its clock and fired levels", async () => {
    const worker = await h.startWorker();
    const id = await webhook(h, "Long", `${receiver.url}/long`);
    const graph = graphOf(
      [
        triggerNode("t"),
        levelNode("l1", { level: 1, afterSeconds: 0 }),
        levelNode("l2", { level: 2, afterSeconds: 4 }),
        integrationNode("i1", { integrationId: id }),
        integrationNode("i2", { integrationId: id }),
      ],
      [edge("t", "out", "l1"), edge("l1", "next", "l2"), edge("l1", "out", "i1"), edge("l2", "out", "i2")],
    );
    const { flowId } = await publishedFlow(h, "Long incident", graph);
    const flow = await h.api.flows.get({ flowId });
    const event = { alert: { ...normalized("long"), status: "error" as const }, receivedAt: new Date().toISOString() };
    const input: EscalationInput = {
      runId: randomUUID(),
      workspaceId: h.workspaceId,
      flowId,
      flowName: "Long incident",
      flowVersionId: flow.published?.id ?? "",
      alertKey: "long",
      plan: compilePlan(graph),
      firstEvent: event,
      continueAsNewAfterEvents: 40,
    };
    const workflowId = `test-can-${randomUUID()}`;
    const handle = await h.client.workflow.signalWithStart(ESCALATION_WORKFLOW, {
      workflowId,
      taskQueue: h.taskQueue,
      args: [input],
      signal: alertEventSignal,
      signalArgs: [event],
    });
    const firstRunId = handle.signaledRunId;
    for (let i = 0; i < 30; i++)
      await handle.signal(alertEventSignal, { ...event, receivedAt: new Date().toISOString() });
    await eventually(
      async () => (at("/long").length === 2 ? true : undefined),
      20_000,
      "level 2 after continue-as-new",
    );
    const latest = h.client.workflow.getHandle(workflowId);
    const described = await latest.describe();
    expect(described.runId).not.toBe(firstRunId);
    const snap = await latest.query<EscalationSnapshot>("snapshot");
    expect(snap.errorCount).toBe(31);
    expect(snap.firedLevels).toEqual([1, 2]);
    expect(at("/long").map((r) => messageOf(r.json).level)).toEqual(["1", "2"]);
    await latest.signal(alertEventSignal, {
      alert: { ...event.alert, status: "ok" },
      receivedAt: new Date().toISOString(),
    });
    await latest.result();
    await worker.stop();
  });

  it("an error after the Ok opens a new incident", async () => {
    const worker = await h.startWorker();
    const id = await webhook(h, "Again", `${receiver.url}/again`);
    const graph = singleLevelGraph(id);
    const { flowId, token } = await publishedFlow(h, "Flapping", graph);
    await h.postAlert(token, errorAlert("flap"));
    await eventually(async () => (at("/again").length === 1 ? true : undefined));
    await h.postAlert(token, okAlert("flap"));
    await eventually(async () => ((await runsForFlow(h, flowId))[0]?.status === "resolved" ? true : undefined));
    await h.postAlert(token, errorAlert("flap"));
    await eventually(async () => (at("/again").length === 3 ? true : undefined));
    expect(at("/again").map((r) => messageOf(r.json).type)).toEqual(["Alert", "Ok", "Alert"]);
    const runs = await runsForFlow(h, flowId);
    expect(runs).toHaveLength(2);
    expect(runs.map((r) => r.status).sort()).toEqual(["escalating", "resolved"]);
    await worker.stop();
  });
});

function normalized(key: string) {
  return {
    key,
    status: "error" as const,
    summary: "Long incident",
    description: "",
    severity: "error" as const,
    source: "",
    labels: {},
    annotations: {},
    monitor: { guid: "", name: "", type: "", url: "", notes: "", dashboardUrl: "", editUrl: "" },
    details: {},
    occurredAt: new Date().toISOString(),
  };
}
