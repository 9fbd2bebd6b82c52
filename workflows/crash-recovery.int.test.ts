import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Client } from "@temporalio/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl, testTemporalAddress } from "~/test-support/test-slot";
import { asc, eq } from "drizzle-orm";
import { deliveryAttempts } from "../db/schema";
import { singleLevelGraph } from "../test-support/graph-builder";
import { terminateBackends } from "../test-support/database-outage";
import { createHarness, TEST_SECRET_KEY, workflowBundle, type Harness } from "../test-support/harness";
import { header, startReceiver, type ReceivedRequest } from "../test-support/http-receiver";
import {
  deliveriesForRun,
  errorAlert,
  eventually,
  messageOf,
  okAlert,
  publishedFlow,
  runsForFlow,
  twoLevelWebhookFlow,
  webhook,
} from "../test-support/flow-fixtures";
import { spawnWorkerProcess, type WorkerProcess } from "../test-support/worker-process";
import { freePort } from "../scripts/free-port";
import { findOrInstallTemporalCli } from "../scripts/temporal-cli";
import { startTemporalDevServer, type TemporalServer } from "../scripts/temporal-server";
import { createTemporalClient } from "../server/temporal-client";
import { handleAlertRequest } from "../server/inbound/handle-alert-request";
import { INTERRUPTED_ATTEMPT, INTERRUPTED_REASON } from "../worker/activities/record-attempt";
import type { EscalationSnapshot } from "./messages";

/**
 * Crash tests with real processes: the worker process, the Temporal dev server and the Postgres
 * backends are killed for real while an incident escalates. Each test then counts, at a real
 * receiver, the messages lost (an expected message that never came) and resent (an idempotency
 * key seen twice).
 */
const databaseUrl = testDatabaseUrl();
let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let dir: string;
let bundlePath: string;
/** Called on a request before it is answered; lets a test act while a message is in flight. */
const onRequest = new Map<string, (req: ReceivedRequest) => Promise<void>>();
const workers = new Set<WorkerProcess>();

beforeAll(async () => {
  h = await createHarness();
  receiver = await startReceiver(async (req) => {
    await onRequest.get(req.url)?.(req);
    return { status: 200, body: "ok" };
  });
  // Bundled once: the worker processes then start in seconds.
  dir = mkdtempSync(path.join(os.tmpdir(), "alertflow-crash-"));
  bundlePath = path.join(dir, "workflows.js");
  writeFileSync(bundlePath, (await workflowBundle()).code);
});
afterAll(async () => {
  await Promise.all([...workers].map((w) => w.stop()));
  await receiver?.close();
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function startWorker(temporalAddress: string): Promise<WorkerProcess> {
  const worker = await spawnWorkerProcess({
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: h.taskQueue,
    ALERTFLOW_SECRET_KEY: TEST_SECRET_KEY,
    OUTBOUND_ALLOW_LIST: "127.0.0.1",
    WORKFLOW_BUNDLE_PATH: bundlePath,
  });
  workers.add(worker);
  return worker;
}

async function killWorker(worker: WorkerProcess) {
  await worker.kill();
  workers.delete(worker);
  expect(worker.alive()).toBe(false);
}

const at = (p: string) => receiver.requests.filter((r) => r.url === p);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const twoLevelFlow = (name: string, level2Seconds: number) => twoLevelWebhookFlow(h, receiver.url, name, level2Seconds);

function post(temporal: Client, token: string, body: unknown) {
  return handleAlertRequest(
    { db: h.db, temporal, taskQueue: h.taskQueue, maxBodyBytes: 1 << 20, now: () => new Date() },
    token,
    new Request(`http://localhost/api/alerts/${token}`, { method: "POST", body: JSON.stringify(body) }),
  );
}

/**
 * Every level fired once and recovered once: an Alert and an Ok at each path. Lost: an expected
 * message that never arrived. Resent: an idempotency key that arrived more than once.
 */
function tally(name: string) {
  const requests = receiver.requests.filter((r) => r.url.startsWith(`/${name}/`));
  const expected = ["l1", "l2"].flatMap((l) => ["Alert", "Ok"].map((type) => `/${name}/${l} ${type}`));
  const got = new Set(requests.map((r) => `${r.url} ${messageOf(r.json).type}`));
  const counts = new Map<string, number>();
  for (const r of requests)
    counts.set(header(r, "idempotency-key"), (counts.get(header(r, "idempotency-key")) ?? 0) + 1);
  return {
    lost: expected.filter((e) => !got.has(e)),
    resent: [...counts].filter(([, n]) => n > 1).map(([key]) => key),
    keyOf: (url: string, type: string) =>
      header(requests.find((r) => r.url === url && messageOf(r.json).type === type) ?? requests[0]!, "idempotency-key"),
  };
}

/**
 * Level 2 is due `seconds` after the first error, and not before. It may come later only for want
 * of a worker: no later than a few seconds after the due time or after the restarted part was
 * back, whichever is later (a dead worker's sticky queue alone costs up to 2 s; this machine is
 * shared and loaded).
 */
function expectOnTime(name: string, t0: number, seconds: number, backAt: number) {
  const firedAt = at(`/${name}/l2`)[0]?.at ?? Infinity;
  expect(firedAt - t0).toBeGreaterThanOrEqual(seconds * 1000 - 50);
  expect(firedAt - Math.max(t0 + seconds * 1000, backAt)).toBeLessThan(5_000);
}

/**
 * As a sender does: a 503 (the documented answer while the database or Temporal is unreachable,
 * e.g. the test's own pooled connection that a Postgres kill just cut) is tried again after its
 * Retry-After, a few times.
 */
async function postAsSender(temporal: Client, token: string, body: unknown) {
  for (let attempt = 1; ; attempt++) {
    const answer = await post(temporal, token, body);
    if (answer.status !== 503 || attempt === 5) return answer;
    await sleep(1000 * Number(answer.headers.get("retry-after") ?? 1));
  }
}

async function recover(temporal: Client, name: string, token: string, flowId: string) {
  expect((await postAsSender(temporal, token, okAlert(name))).status).toBe(202);
  await eventually(async () => (at(`/${name}/l1`).length >= 2 && at(`/${name}/l2`).length >= 2 ? true : undefined));
  const [run] = await runsForFlow(h, flowId);
  await eventually(async () => ((await runsForFlow(h, flowId))[0]?.status === "resolved" ? true : undefined));
  await sleep(500); // time for a resend to show
  return run;
}

describe("crash recovery with real processes", () => {
  it("the worker process killed (its process group) between levels: level 2 on time, nothing lost or resent", async () => {
    const name = "worker-kill";
    const { flowId, token } = await twoLevelFlow(name, 8);
    const worker = await startWorker(testTemporalAddress());
    const t0 = Date.now();
    expect((await post(h.client, token, errorAlert(name))).status).toBe(202);
    await eventually(async () => (at(`/${name}/l1`).length === 1 ? true : undefined), 15_000, "level 1");
    // Between levels: level 1's answer is recorded, so nothing is in flight at the kill.
    await eventually(async () => {
      const [run] = await runsForFlow(h, flowId);
      const rows = run ? await deliveriesForRun(h, run.id) : [];
      return rows.length === 1 && rows[0]?.status === "delivered" ? true : undefined;
    });
    // The first attempt runs as a local activity: its result reaches Temporal with the workflow
    // task that also starts level 2's timer. Until then it is in flight, and a kill would cost the
    // workflow task timeout (10 s), not the few seconds this test is about.
    const [run] = await runsForFlow(h, flowId);
    const history = () => h.client.workflow.getHandle(run?.workflowId ?? "").fetchHistory();
    await eventually(async () =>
      (await history()).events?.some((event) => event.timerStartedEventAttributes) ? true : undefined,
    );

    await killWorker(worker);
    const restarted = await startWorker(testTemporalAddress());
    const backAt = Date.now();

    await eventually(async () => (at(`/${name}/l2`).length === 1 ? true : undefined), 20_000, "level 2");
    expectOnTime(name, t0, 8, backAt);
    await recover(h.client, name, token, flowId);
    expect(tally(name)).toMatchObject({ lost: [], resent: [] });
    await restarted.stop();
  });

  it("the worker process killed while its request is at the receiver: sent again under the same key, the interrupted attempt kept", async () => {
    const name = "mid-delivery";
    const hook = await webhook(h, name, `${receiver.url}/${name}`);
    const { flowId, token } = await publishedFlow(h, name, singleLevelGraph(hook));
    const worker = await startWorker(testTemporalAddress());
    let killedPid: number | undefined;
    // The receiver holds the first request open and, meanwhile, kills the worker that sent it.
    onRequest.set(`/${name}`, async () => {
      if (killedPid !== undefined) return;
      killedPid = worker.pid;
      await killWorker(worker);
    });
    expect((await post(h.client, token, errorAlert(name))).status).toBe(202);
    await eventually(async () => (killedPid !== undefined && !worker.alive() ? true : undefined), 15_000, "the kill");
    // The group is gone for real: signal 0 to the pid finds nothing.
    expect(() => process.kill(killedPid ?? 0, 0)).toThrow();
    const run = await eventually(async () => (await runsForFlow(h, flowId))[0], 10_000, "the run");
    // What the dead worker left: the attempt announced, no answer.
    const [interrupted] = await h.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.runId, run.id));
    expect(interrupted).toMatchObject({
      attempt: 1,
      outcome: "retrying",
      statusCode: null,
      error: INTERRUPTED_ATTEMPT,
      // The pages word it in their language from this reason.
      errorReason: INTERRUPTED_REASON,
    });

    const restarted = await startWorker(testTemporalAddress());
    // Temporal hands the message to the new worker once the lost attempt's timeout (30 s) is up.
    await eventually(async () => (at(`/${name}`).length >= 2 ? true : undefined), 60_000, "the second send");
    const [delivery] = await eventually(async () => {
      const rows = await deliveriesForRun(h, run.id);
      return rows[0]?.status === "delivered" ? rows : undefined;
    }, 15_000);
    await sleep(1_000); // time for a third send to show

    // At least once: the message arrived twice, under one idempotency key, so the receiver keeps one.
    const sent = at(`/${name}`);
    const keys = sent.map((r) => header(r, "idempotency-key"));
    expect(sent).toHaveLength(2);
    expect(keys[0]).not.toBe("");
    expect(new Set(keys).size).toBe(1);
    expect(sent.map((r) => messageOf(r.json).type)).toEqual(["Alert", "Alert"]);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 2, statusCode: 200 });
    const attempts = await h.db
      .select()
      .from(deliveryAttempts)
      .where(eq(deliveryAttempts.deliveryId, delivery?.id ?? ""))
      .orderBy(asc(deliveryAttempts.attempt));
    expect(attempts.map((a) => [a.attempt, a.outcome, a.statusCode, a.error, a.errorReason])).toEqual([
      [1, "retrying", null, INTERRUPTED_ATTEMPT, INTERRUPTED_REASON],
      [2, "delivered", 200, null, null],
    ]);
    await restarted.stop();
  });

  it("the Temporal server killed and restarted mid-escalation: an open incident's error accepted and applied, a new one 503, level 2 on time, nothing lost or resent", async () => {
    const name = "temporal-kill";
    const dataDir = path.join(dir, "temporal");
    const port = await freePort();
    const cli = (await findOrInstallTemporalCli(() => undefined)).path;
    const startTemporal = () => startTemporalDevServer({ cli, dataDir, port, uiPort: null });
    let temporal: TemporalServer = await startTemporal();
    const client = createTemporalClient(temporal.address, "default");
    try {
      const { flowId, token } = await twoLevelFlow(name, 12);
      const worker = await startWorker(temporal.address);
      const t0 = Date.now();
      expect((await post(client, token, errorAlert(name))).status).toBe(202);
      await eventually(async () => (at(`/${name}/l1`).length === 1 ? true : undefined), 15_000, "level 1");

      temporal.process.kill("SIGKILL");
      await new Promise((r) => temporal.process.once("exit", r));
      // While it is down, an error for the open incident is committed to its Postgres inbox and
      // accepted; the poke it owes is lost with Temporal, and the worker's re-poke job sends it again.
      const folded = await post(client, token, errorAlert(name));
      expect(folded.status).toBe(202);
      expect(await folded.json()).toMatchObject({ accepted: [{ outcome: "queued" }] });
      // A new incident needs Temporal: the sender hears so at once and keeps its alert.
      const started = performance.now();
      const refused = await post(client, token, errorAlert(`${name}-new`));
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).not.toBeNull();
      expect(performance.now() - started).toBeLessThan(2_000);

      // The same SQLite file: timers, history and the pending level survive the restart.
      temporal = await startTemporal();
      const backAt = Date.now();
      await eventually(async () => (at(`/${name}/l2`).length === 1 ? true : undefined), 30_000, "level 2");
      expectOnTime(name, t0, 12, backAt);
      expect(worker.alive()).toBe(true);
      const [open] = await runsForFlow(h, flowId);
      await eventually(
        async () =>
          (await client.workflow.getHandle(open?.workflowId ?? "").query<EscalationSnapshot>("snapshot")).errorCount ===
          2
            ? true
            : undefined,
        15_000,
        "the error accepted while Temporal was down, applied",
      );
      await recover(client, name, token, flowId);
      expect(tally(name)).toMatchObject({ lost: [], resent: [] });
      await worker.stop();
    } finally {
      await client.connection.close();
      await temporal.stop();
    }
  });

  it("Postgres backends terminated while a message is out: the worker lives on, level 2 on time, nothing lost", async () => {
    const name = "postgres-kill";
    const { flowId, token } = await twoLevelFlow(name, 8);
    const worker = await startWorker(testTemporalAddress());
    let terminated = 0;
    // Every connection to the database dropped while each level's message is with the receiver.
    for (const level of ["l1", "l2"]) {
      onRequest.set(`/${name}/${level}`, async (req) => {
        if (messageOf(req.json).type === "Alert") terminated += await terminateBackends(databaseUrl);
      });
    }
    const t0 = Date.now();
    expect((await post(h.client, token, errorAlert(name))).status).toBe(202);
    await eventually(async () => (at(`/${name}/l2`).length === 1 ? true : undefined), 20_000, "level 2").catch(
      (error: unknown) => {
        throw new Error(`${String(error)}\nworker said:\n${worker.output.join("")}`);
      },
    );
    expectOnTime(name, t0, 8, t0);
    await recover(h.client, name, token, flowId);

    expect(terminated).toBeGreaterThan(0);
    expect(worker.alive()).toBe(true);
    const { lost, resent, keyOf } = tally(name);
    expect(lost).toEqual([]);
    // Only a message in flight at the kill may come twice, and then under the same key.
    const inFlight = [keyOf(`/${name}/l1`, "Alert"), keyOf(`/${name}/l2`, "Alert")];
    expect(resent.filter((key) => !inFlight.includes(key))).toEqual([]);
    await worker.stop();
  });
});
