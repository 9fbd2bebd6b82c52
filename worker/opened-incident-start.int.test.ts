import net from "node:net";
import type { Client } from "@temporalio/client";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incidentInboxes } from "~/db/schema";
import { freePort } from "~/scripts/free-port";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { errorAlert, eventually, runsForFlow, twoLevelWebhookFlow } from "~/test-support/flow-fixtures";
import { startInboxRepokeJob } from "./inbox-repoke-job";
import { createTemporalClient } from "~/server/temporal-client";
import { createBackgroundStarts } from "~/server/inbound/background-start";
import { handleAlertRequest } from "~/server/inbound/handle-alert-request";

/**
 * The endpoint answers a new incident's alert at the commit of its claim and starts the workflow
 * afterwards. These tests cut the web server off from the real Temporal server (a TCP relay in
 * between, closed as a stopped Temporal would be) and hold it to 202 = durable: escalated exactly
 * once when Temporal answers again, by the endpoint's own retries or by the worker's re-start job.
 */
let h: Harness;
let receiver: Receiver;
let relay: Relay;
let webClient: Client;

/** A TCP relay to the tests' Temporal server that can refuse connections and cut the open ones. */
interface Relay {
  address: string;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

async function startRelay(target: string): Promise<Relay> {
  const host = target.slice(0, target.lastIndexOf(":"));
  const targetPort = Number(target.slice(target.lastIndexOf(":") + 1));
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const up = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      const listening = net.createServer((inbound) => {
        const outbound = net.connect(targetPort, host);
        for (const socket of [inbound, outbound]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => (socket === inbound ? outbound : inbound).destroy());
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      listening.once("error", reject);
      listening.listen(port, "127.0.0.1", () => resolve());
      server = listening;
    });
  const down = async () => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  await up();
  return { address: `127.0.0.1:${port}`, down, up, close: down };
}

beforeAll(async () => {
  h = await createHarness();
  receiver = await startReceiver();
  relay = await startRelay(h.temporalAddress);
  // As the web server builds its client (lazy, brief gRPC retries), through the relay.
  webClient = createTemporalClient(relay.address, "default");
});
afterAll(async () => {
  await webClient?.connection.close();
  await relay?.close();
  await receiver?.close();
  await h?.close();
});

const at = (p: string) => receiver.requests.filter((r) => r.url === p);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const twoLevelFlow = (name: string, level2Seconds: number) => twoLevelWebhookFlow(h, receiver.url, name, level2Seconds);

/** The incident's Temporal history: how many executions were started and signals sent to it. */
async function startsAndSignals(workflowId: string) {
  const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  return {
    started: events.filter((e) => e.workflowExecutionStartedEventAttributes).length,
    alertEvents: events.filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === "alertEvent").length,
  };
}

/** Level 1 and level 2 each arrived once, level 2 on time (timed from the alert), one incident, one execution. */
async function expectEscalatedOnce(name: string, flowId: string, t0: number, level2Seconds: number) {
  await eventually(async () => (at(`/${name}/l2`).length === 1 ? true : undefined), 30_000, "level 2");
  const level2AfterMs = (at(`/${name}/l2`)[0]?.at ?? 0) - t0;
  expect(level2AfterMs).toBeGreaterThanOrEqual(level2Seconds * 1000);
  expect(level2AfterMs).toBeLessThan(level2Seconds * 1000 + 3_500);
  await sleep(1_000);
  expect(at(`/${name}/l1`)).toHaveLength(1);
  expect(at(`/${name}/l2`)).toHaveLength(1);
  const runs = await runsForFlow(h, flowId);
  expect(runs).toHaveLength(1);
  const run = runs[0];
  const [inbox] = await h.db
    .select()
    .from(incidentInboxes)
    .where(eq(incidentInboxes.id, run?.id ?? ""));
  expect(inbox?.startInput).toBeNull();
  expect(await startsAndSignals(run?.workflowId ?? "")).toEqual({ started: 1, alertEvents: 0 });
}

function post(starts: ReturnType<typeof createBackgroundStarts>, token: string, body: unknown) {
  return handleAlertRequest(
    { ...h.inbound, temporal: webClient, starts },
    token,
    new Request(`http://localhost/api/alerts/${token}`, { method: "POST", body: JSON.stringify(body) }),
  );
}

describe("a new incident's workflow started after the 202", () => {
  it("Temporal unreachable from the web server at the commit: 202 at once, the endpoint's retries start the workflow when it is back, escalated exactly once", async () => {
    const name = "start-retried";
    const { flowId, token } = await twoLevelFlow(name, 8);
    // The worker reaches Temporal directly; no re-start job runs: only the endpoint can start it.
    const worker = await h.startWorker();
    const starts = createBackgroundStarts();
    try {
      await relay.down();
      const t0 = Date.now();
      const response = await post(starts, token, errorAlert(name));
      // Not held for Temporal's 1.5 s "unavailable" deadline: the claim's commit is the answer.
      expect(Date.now() - t0).toBeLessThan(1_000);
      expect(response.status).toBe(202);
      expect(await response.json()).toMatchObject({ accepted: [{ outcome: "opened", runId: null }] });
      // The endpoint's own send needs no Temporal.
      await eventually(async () => (at(`/${name}/l1`).length === 1 ? true : undefined), 5_000, "level 1");
      await sleep(2_500);
      expect((await runsForFlow(h, flowId))[0]?.temporalRunId).toBeNull();
      await relay.up();
      await expectEscalatedOnce(name, flowId, t0, 8);
      await starts.settled();
    } finally {
      await relay.up().catch(() => undefined);
      await worker.stop();
    }
  });

  it("an acknowledgement between the 202 and the workflow's start waits for that start instead of calling the incident over", async () => {
    const name = "ack-before-start";
    const { flowId, token } = await twoLevelFlow(name, 30);
    const worker = await h.startWorker();
    const starts = createBackgroundStarts();
    try {
      await relay.down();
      const response = await post(starts, token, errorAlert(name));
      expect(response.status).toBe(202);
      const run = await eventually(async () => (await runsForFlow(h, flowId))[0], 5_000, "run row");
      const asked = Date.now();
      const acknowledged = h.api.runs.acknowledge({ runId: run.id });
      await sleep(1_500);
      await relay.up();
      expect(await acknowledged).toMatchObject({ status: "acknowledged" });
      // It was answered once the start got through, not before.
      expect(Date.now() - asked).toBeGreaterThanOrEqual(1_500);
      await starts.settled();
    } finally {
      await relay.up().catch(() => undefined);
      await worker.stop();
    }
  });

  it("Temporal unreachable from the web server for longer: the worker's re-start job and the endpoint's retries race, one execution, escalated exactly once", async () => {
    const name = "start-raced";
    const { flowId, token } = await twoLevelFlow(name, 12);
    const worker = await h.startWorker();
    const stopJob = startInboxRepokeJob({ db: h.db, temporal: h.client, taskQueue: h.taskQueue }, { everyMs: 500 });
    const starts = createBackgroundStarts();
    try {
      await relay.down();
      const t0 = Date.now();
      const response = await post(starts, token, errorAlert(name));
      expect(response.status).toBe(202);
      // The re-start job (the worker reaches Temporal) takes the row once it is 5 s old.
      await eventually(
        async () => ((await runsForFlow(h, flowId))[0]?.temporalRunId ? true : undefined),
        15_000,
        "started by the re-start job",
      );
      // Then the endpoint's retry gets through and finds the incident's own execution running.
      await relay.up();
      await starts.settled();
      await expectEscalatedOnce(name, flowId, t0, 12);
    } finally {
      stopJob();
      await relay.up().catch(() => undefined);
      await worker.stop();
    }
  });
});
