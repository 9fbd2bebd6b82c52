import { Worker } from "@temporalio/worker";
import { workflowsPath } from "../worker-options";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { randomUUID } from "node:crypto";
import { createDb } from "~/db/client";
import { deliveryAttempts, incidentInboxes, rateLimitBuckets, runEvents } from "~/db/schema";
import { setIngressTimingSink, type IngressMarks } from "~/server/inbound/ingress-timing";
import { ingressOpenerFor } from "~/test-support/ingress-opener";
import type { OutboundBucket } from "./rate-limiter";
import { singleLevelGraph, twoLevelGraph } from "~/test-support/graph-builder";
import { createHarness, TEST_KEYRING, workflowBundle, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import {
  deliveriesForRun,
  errorAlert,
  eventually,
  okAlert,
  publishedFlow,
  runsForFlow,
  webhook,
} from "~/test-support/flow-fixtures";
import { createIntegrationSender, type PreparedSend, type PreparingSender } from "./integration-sender";
import type { DeliverInput } from "./types";
import { startInboxRepokeJob } from "../inbox-repoke-job";
import { INCIDENT_WORKFLOW, type EscalationSnapshot } from "~/workflows/messages";
import { unreachableTemporal } from "~/test-support/unreachable-temporal";
import { handleAlertRequest, type InboundDeps } from "~/server/inbound/handle-alert-request";

/**
 * A new incident's first message goes out from the alert endpoint, before its workflow runs, under
 * a lease on its delivery row; the workflow stays the owner of retries and escalation. These tests
 * hold it to the workflow's promises: sent once (or again under the same key when the endpoint
 * died mid-send), never twice at once, nothing accepted lost, escalation on time.
 */
const LEASE_MS = 2_000;
let h: Harness;
let receiver: Receiver;
/** How the endpoint's sender behaves in the test at hand: as in production, stuck (its process died), or slow. */
let endpointSender: "real" | "stuck" | "slow" = "real";
let real: PreparingSender | undefined;
/** A bucket of the test's own for the endpoint's first messages (a phone's: five, then one each two seconds). */
let endpointBucket: OutboundBucket | undefined;
const stuck = new Set<() => void>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** As the endpoint uses it: its reads while the claim commits, then the request, held as the test says. */
const prepare = async (input: DeliverInput): Promise<PreparedSend> => {
  const behaviour = endpointSender;
  if (!real) throw new Error("sender not ready");
  const request = await real.prepare(input);
  return {
    bucket: request.bucket && (endpointBucket ?? request.bucket),
    send: async (key, token) => {
      if (behaviour === "stuck") {
        // The web process died with the request out: nothing more comes from it.
        await new Promise<void>((resolve) => stuck.add(resolve));
        return { ok: false, retryable: true, latencyMs: 0, error: "test: process gone" };
      }
      if (behaviour === "slow") await sleep(1_500);
      return request.send(key, token);
    },
  };
};
const firstSend: PreparingSender = Object.assign(
  async (input: DeliverInput, key: string) => (await prepare(input)).send(key),
  { prepare },
);

/** Receiver paths that answer 503 to their first request; slowly for those in slowFailFirst. */
const failFirst = new Set<string>();
const slowFailFirst = new Set<string>();
beforeAll(async () => {
  receiver = await startReceiver(async (req) => {
    if (failFirst.delete(req.url)) return { status: 503, body: "busy" };
    if (slowFailFirst.delete(req.url)) {
      await sleep(1_500);
      return { status: 503, body: "busy" };
    }
    return { status: 200, body: "ok" };
  });
  h = await createHarness({ firstSend, firstMessageLeaseMs: LEASE_MS });
  // Bundled once up front: a worker's start must not be what the timing measures.
  await workflowBundle();
  real = createIntegrationSender({
    db: h.db,
    keyring: TEST_KEYRING,
    allowList: ["127.0.0.1"],
    publicUrl: "http://localhost:3000",
    maxRateLimitWaitMs: 0,
  });
});
afterAll(async () => {
  for (const release of stuck) release();
  await sleep(200);
  await receiver?.close();
  await h?.close();
});

const at = (p: string) => receiver.requests.filter((r) => r.url === p);

async function twoLevelFlow(name: string, level2Seconds: number, level2Reminders = 0) {
  const ids = await Promise.all(["l1", "l2"].map((l) => webhook(h, `${name} ${l}`, `${receiver.url}/${name}/${l}`)));
  const graph = twoLevelGraph(
    [ids[0] ?? "", ids[1] ?? ""],
    { level: 1 },
    { level: 2, afterSeconds: level2Seconds, reminderCount: level2Reminders, reminderEverySeconds: 600 },
  );
  return publishedFlow(h, name, graph);
}

async function oneLevelFlow(name: string) {
  const hook = await webhook(h, name, `${receiver.url}/${name}`);
  return publishedFlow(h, name, singleLevelGraph(hook));
}

async function theRun(flowId: string) {
  return eventually(async () => (await runsForFlow(h, flowId))[0], 10_000, "the run");
}

async function attemptsOf(deliveryId: string) {
  return h.db
    .select()
    .from(deliveryAttempts)
    .where(eq(deliveryAttempts.deliveryId, deliveryId))
    .orderBy(asc(deliveryAttempts.attempt));
}

/** The incident's workflow has ended its first task and settled level 1: no send is still coming. */
async function settledLevel1(runId: string) {
  return eventually(
    async () => {
      const rows = await deliveriesForRun(h, runId);
      return rows.length > 0 && rows.every((r) => r.status !== "pending") ? rows : undefined;
    },
    20_000,
    "level 1 settled",
  );
}

describe("the first message sent by the alert endpoint", () => {
  it("arrives with no worker running; the workflow, started later, sends nothing twice and level 2 is on time", async () => {
    endpointSender = "real";
    const name = "no-worker";
    // Level 2 at 8 s: far enough from the wrong answer (11 s) for a worker that starts slowly under load.
    const { flowId, token } = await twoLevelFlow(name, 8);
    const t0 = Date.now();
    const { status } = await h.postAlert(token, errorAlert(name));
    expect(status).toBe(202);
    await eventually(async () => (at(`/${name}/l1`).length === 1 ? true : undefined), 5_000, "first message");
    const firstAfterMs = (at(`/${name}/l1`)[0]?.at ?? 0) - t0;
    expect(firstAfterMs).toBeLessThan(2_000);
    // A second error waits in the incident's inbox: the workflow's takeover must apply it.
    expect((await h.postAlert(token, errorAlert(name))).status).toBe(202);

    // The worker comes 3 s later: the workflow finds level 1 delivered and times level 2 from the
    // alert (at 8 s), not from its own start (which would make it 11 s).
    await sleep(3_000);
    const worker = await h.startWorker();
    await eventually(async () => (at(`/${name}/l2`).length === 1 ? true : undefined), 20_000, "level 2");
    const level2AfterMs = (at(`/${name}/l2`)[0]?.at ?? 0) - t0;
    expect(level2AfterMs).toBeGreaterThanOrEqual(8_000);
    expect(level2AfterMs).toBeLessThan(10_500);

    const run = await theRun(flowId);
    await sleep(500);
    expect(at(`/${name}/l1`)).toHaveLength(1);
    const snapshot = await h.client.workflow.getHandle(run.workflowId).query<EscalationSnapshot>("snapshot");
    expect(snapshot.errorCount).toBe(2);
    const level1 = (await deliveriesForRun(h, run.id)).find((d) => d.level === 1);
    // Scoped like its run, though the claim wrote both in one statement.
    expect(level1).toMatchObject({
      status: "delivered",
      attempts: 1,
      leasedUntil: null,
      workspaceId: h.workspaceId,
      flowId,
    });
    expect(at(`/${name}/l1`)[0]?.headers["idempotency-key"]).toBe(level1?.idempotencyKey);
    // The workflow took over the run the endpoint opened.
    await eventually(async () => ((await theRun(flowId)).temporalRunId ? true : undefined), 5_000, "run id");
    const [inbox] = await h.db.select().from(incidentInboxes).where(eq(incidentInboxes.id, run.id));
    expect(inbox?.startInput).toBeNull();
    await worker.stop();
  });

  it("the workflow takes over an incident the endpoint opened in one workflow task with one local activity and no patch marker", async () => {
    endpointSender = "real";
    const name = "adopted";
    const { flowId, token } = await oneLevelFlow(name);
    const worker = await h.startWorker();
    expect((await h.postAlert(token, errorAlert(name))).status).toBe(202);
    const run = await eventually(
      async () => ((await theRun(flowId)).temporalRunId ? theRun(flowId) : undefined),
      10_000,
      "the workflow's first task",
    );
    await settledLevel1(run.id);
    await sleep(300);
    const events = (await h.client.workflow.getHandle(run.workflowId).fetchHistory()).events ?? [];
    const markers = events.flatMap((e) => {
      const m = e.markerRecordedEventAttributes;
      if (!m) return [];
      const data = (m.details?.["patch-data"] ?? m.details?.data)?.payloads?.[0]?.data;
      const text = data ? Buffer.from(data).toString("utf8") : "";
      return [/"(?:id|activity_type)":"([\w-]+)"/.exec(text)?.[1] ?? "?"];
    });
    // Each local activity costs a marker; a patch marker would cost a search-attribute upsert too
    // (a visibility write): the endpoint starts the workflow type with the patches built in.
    expect(markers).toEqual(["adoptOpening"]);
    expect(events.filter((e) => e.workflowTaskCompletedEventAttributes)).toHaveLength(1);
    expect(events.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes)).toHaveLength(0);
    expect(events[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name).toBe(INCIDENT_WORKFLOW);
    expect(at(`/${name}`)).toHaveLength(1);
    // The takeover wrote the run's first timeline events (with the run row, in one statement).
    const stored = await h.db.select({ type: runEvents.type }).from(runEvents).where(eq(runEvents.runId, run.id));
    expect(stored.map((e) => e.type).sort()).toEqual(["alert.error", "level.fired"]);
    // The workflow thread runs without the SDK's stack-trace promise hook (worker/workflow-thread.ts).
    await expect(h.client.workflow.getHandle(run.workflowId).query("__stack_trace")).rejects.toThrow(/not enabled/);
    await worker.stop();
  });

  it("six errors for one new key at once open one incident, take one rate-limit token, send one first message, and all count", async () => {
    endpointSender = "real";
    const name = "race";
    const { flowId, token } = await oneLevelFlow(name);
    const worker = await h.startWorker();
    // A phone's bucket holds five: each lost claim taking a token would empty it.
    const bucket = { key: `test-phone:${randomUUID()}`, eventsPerMinute: 30 };
    endpointBucket = bucket;
    const answers = await Promise.all(Array.from({ length: 6 }, () => h.postAlert(token, errorAlert(name)))).finally(
      () => (endpointBucket = undefined),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(202));
    const [row] = await h.db.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, bucket.key));
    // Five, less the one token, plus what refilled since (half a token a second).
    expect(row?.tokens).toBeGreaterThanOrEqual(4);
    expect(row?.tokens).toBeLessThan(4.9);
    const run = await theRun(flowId);
    await settledLevel1(run.id);
    const count = await eventually(
      async () => {
        const snapshot = await h.client.workflow.getHandle(run.workflowId).query<EscalationSnapshot>("snapshot");
        return snapshot.errorCount === 6 ? 6 : undefined;
      },
      15_000,
      "all six errors applied",
    );
    expect(count).toBe(6);
    await sleep(500);
    expect(await runsForFlow(h, flowId)).toHaveLength(1);
    expect(at(`/${name}`)).toHaveLength(1);
    await worker.stop();
  });

  it("an error for a key this process has not seen open is claimed without looking for its inbox; a key open in another process still folds", async () => {
    endpointSender = "real";
    const name = "claim-first";
    const { flowId, token } = await oneLevelFlow(name);
    const worker = await h.startWorker();
    // Another web process: its own database client, so its own memory of open incidents.
    const other = createDb(testDatabaseUrl(), 5);
    const otherDeps: InboundDeps = { ...h.inbound, db: other.db, opener: ingressOpenerFor(other.db) };
    const marks: IngressMarks[] = [];
    setIngressTimingSink((m) => marks.push(m));
    const post = async (deps: InboundDeps, alert: unknown) => {
      const response = await handleAlertRequest(
        deps,
        token,
        new Request(`http://localhost/api/alerts/${token}`, { method: "POST", body: JSON.stringify(alert) }),
      );
      expect(response.status).toBe(202);
      const body: unknown = await response.json();
      // The marks are handed over a moment after the answer (the first message's send is in them).
      await eventually(async () => (marks.length > 0 ? true : undefined), 5_000, "the request's marks");
      const steps = (marks.pop() ?? []).map(([step]) => step);
      marks.length = 0;
      return { body, steps };
    };
    try {
      const opened = await post(h.inbound, errorAlert(name));
      expect(opened.body).toMatchObject({ accepted: [{ outcome: "opened" }] });
      expect(opened.steps).toContain("claim");
      expect(opened.steps).not.toContain("inboxLook");
      // Open here: the next error looks for the inbox first, and claims nothing.
      const folded = await post(h.inbound, errorAlert(name));
      expect(folded.body).toMatchObject({ accepted: [{ outcome: "queued" }] });
      expect(folded.steps).toContain("inboxLook");
      expect(folded.steps).not.toContain("claim");
      // Not known open in the other process: its claim loses and the error folds all the same.
      const elsewhere = await post(otherDeps, errorAlert(name));
      expect(elsewhere.body).toMatchObject({ accepted: [{ outcome: "queued" }] });
      expect(elsewhere.steps).toContain("claim");
      // Now known there too.
      const again = await post(otherDeps, errorAlert(name));
      expect(again.body).toMatchObject({ accepted: [{ outcome: "queued" }] });
      expect(again.steps).not.toContain("claim");
      const run = await theRun(flowId);
      const count = await eventually(
        async () => {
          const snapshot = await h.client.workflow.getHandle(run.workflowId).query<EscalationSnapshot>("snapshot");
          return snapshot.errorCount === 4 ? 4 : undefined;
        },
        15_000,
        "all four errors applied",
      );
      expect(count).toBe(4);
      expect(await runsForFlow(h, flowId)).toHaveLength(1);
      expect(at(`/${name}`)).toHaveLength(1);
      // An Ok always looks first (it never opens an incident), and closes it.
      const ok = await post(otherDeps, okAlert(name));
      expect(ok.body).toMatchObject({ accepted: [{ outcome: "queued" }] });
      expect(ok.steps).toContain("inboxLook");
      expect(ok.steps).not.toContain("claim");
    } finally {
      setIngressTimingSink(undefined);
      await other.pool.end();
      await worker.stop();
    }
  });

  it("a slow send at the endpoint holds the lease: the workflow waits for its answer, sends nothing, and its history replays from the start", async () => {
    endpointSender = "slow";
    const name = "slow-endpoint";
    // A level 2 to come: its timer is started while the first message is still leased.
    const { flowId, token } = await twoLevelFlow(name, 60);
    const worker = await h.startWorker();
    expect((await h.postAlert(token, errorAlert(name))).status).toBe(202);
    const run = await theRun(flowId);
    const [level1] = await settledLevel1(run.id);
    await sleep(500);
    expect(at(`/${name}/l1`)).toHaveLength(1);
    expect(level1).toMatchObject({ status: "delivered", attempts: 1 });
    // The endpoint queues the workflow's start without waiting for its sends: this one, held
    // 1.5 s, had its workflow started (and waiting for the lease) before it arrived.
    const handle = h.client.workflow.getHandle(run.workflowId);
    const { startTime } = await handle.describe();
    expect(startTime.getTime()).toBeLessThan(at(`/${name}/l1`)[0]?.at ?? 0);
    // What a fresh worker does after a restart or an eviction. Before the takeover (patch
    // adopt-opening), the local activities' order made this history fail to replay (TimerStarted
    // where the deliver activity was expected) and the incident never escalated.
    await Worker.runReplayHistory({ workflowsPath, replayName: name }, await handle.fetchHistory());
    await handle.terminate("test done");
    endpointSender = "real";
    await worker.stop();
  });

  it("an error applied while level 2's first attempt is out, that attempt then failing: the history replays from the start", async () => {
    // Two local activities in flight (level 2's first attempt, the drain of the new error) that
    // finish out of order: the drain's wait (a timer, for level 2's reminder) and the retry (the
    // deliver activity) were issued in one order and replayed in the other, so a restarted worker
    // failed every task of such an incident with a nondeterminism error and it never went on.
    const name = "drain-beside-send";
    const { flowId, token } = await twoLevelFlow(name, 1, 1);
    slowFailFirst.add(`/${name}/l2`);
    const worker = await h.startWorker();
    expect((await h.postAlert(token, errorAlert(name))).status).toBe(202);
    await eventually(async () => (at(`/${name}/l2`).length > 0 ? true : undefined), 20_000, "level 2's first attempt");
    expect((await h.postAlert(token, errorAlert(name))).status).toBe(202);
    const run = await theRun(flowId);
    await eventually(async () => (at(`/${name}/l2`).length >= 2 ? true : undefined), 30_000, "level 2 retried");
    const handle = h.client.workflow.getHandle(run.workflowId);
    await eventually(
      async () => ((await handle.query<EscalationSnapshot>("snapshot")).errorCount === 2 ? true : undefined),
      10_000,
      "both errors applied",
    );
    await Worker.runReplayHistory({ workflowsPath, replayName: name }, await handle.fetchHistory());
    await handle.terminate("test done");
    await worker.stop();
  });

  it("the receiver fails the endpoint's attempt: the workflow retries it under the same key", async () => {
    endpointSender = "real";
    const name = "endpoint-503";
    failFirst.add(`/${name}`);
    const { flowId, token } = await oneLevelFlow(name);
    const worker = await h.startWorker();
    expect((await h.postAlert(token, errorAlert(name))).status).toBe(202);
    const run = await theRun(flowId);
    const [level1] = await settledLevel1(run.id);
    expect(level1).toMatchObject({ status: "delivered", attempts: 2 });
    const requests = at(`/${name}`);
    expect(requests).toHaveLength(2);
    expect(new Set(requests.map((r) => r.headers["idempotency-key"]))).toEqual(new Set([level1?.idempotencyKey]));
    const attempts = await attemptsOf(level1?.id ?? "");
    expect(attempts.map((a) => [a.attempt, a.outcome, a.statusCode])).toEqual([
      [1, "retrying", 503],
      [2, "delivered", 200],
    ]);
    await worker.stop();
  });

  it("the endpoint dies after its commit (its send and the workflow's start never happen): the re-start job starts the incident, whose workflow sends the message once, under the same key", async () => {
    endpointSender = "stuck";
    const name = "endpoint-died";
    const { flowId, token } = await oneLevelFlow(name);
    // As the web server builds its client, aimed at a port nothing listens on: the start fails,
    // as it would not happen in a process killed at this point.
    const unreachable = unreachableTemporal();
    const deps = unreachable.inbound(h.inbound);
    const response = await handleAlertRequest(
      deps,
      token,
      new Request(`http://localhost/api/alerts/${token}`, { method: "POST", body: JSON.stringify(errorAlert(name)) }),
    );
    // Durable once committed: the claim holds the workflow's input.
    expect(response.status).toBe(202);
    await unreachable.close();
    const run = await theRun(flowId);
    expect(run.temporalRunId).toBeNull();

    const worker = await h.startWorker();
    const stopJob = startInboxRepokeJob({ db: h.db, temporal: h.client, taskQueue: h.taskQueue }, { everyMs: 500 });
    try {
      const [level1] = await settledLevel1(run.id);
      await sleep(500);
      expect(at(`/${name}`)).toHaveLength(1);
      expect(at(`/${name}`)[0]?.headers["idempotency-key"]).toBe(level1?.idempotencyKey);
      // Attempt 1 is the endpoint's, interrupted; the workflow's is attempt 2.
      expect(level1).toMatchObject({ status: "delivered", attempts: 2 });
      const attempts = await attemptsOf(level1?.id ?? "");
      expect(attempts.map((a) => [a.attempt, a.outcome])).toEqual([
        [1, "retrying"],
        [2, "delivered"],
      ]);
      // Not before the lease ran out.
      expect((at(`/${name}`)[0]?.at ?? 0) - run.createdAt.getTime()).toBeGreaterThanOrEqual(LEASE_MS - 100);
    } finally {
      stopJob();
      endpointSender = "real";
      await worker.stop();
    }
  });
});
