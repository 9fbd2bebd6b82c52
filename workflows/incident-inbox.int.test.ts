import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { inboxEvents, incidentInboxes } from "../db/schema";
import { singleLevelGraph } from "../test-support/graph-builder";
import { createHarness, TEST_SECRET_KEY, workflowBundle, type Harness } from "../test-support/harness";
import { startReceiver } from "../test-support/http-receiver";
import {
  errorAlert,
  eventsForRun,
  eventually,
  messageOf,
  okAlert,
  publishedFlow,
  recordHistory,
  runsForFlow,
  webhook,
} from "../test-support/flow-fixtures";
import { spawnWorkerProcess, type WorkerProcess } from "../test-support/worker-process";
import { appendToOpenInbox } from "../server/inbound/incident-inbox";
import { inboxDrainsIn } from "../test-support/inbox-drains";
import { INBOX_PACE_MS, INBOX_SLOW_PACE_MS } from "./escalation-workflow";
import type { EscalationSnapshot } from "./messages";

/**
 * Events for an open incident are committed to its Postgres inbox before the 202 and drained by
 * the workflow in batches. These tests hold that to what a signal per event promised: nothing
 * accepted is lost (worker killed while events come in), nothing is applied twice, order and the
 * end of an incident are kept, and a batch costs Temporal one signal, not one per event.
 */
const databaseUrl = testDatabaseUrl();
let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let dir: string;
let bundlePath: string;
const workers = new Set<WorkerProcess>();

beforeAll(async () => {
  h = await createHarness();
  receiver = await startReceiver();
  dir = mkdtempSync(path.join(os.tmpdir(), "alertflow-inbox-"));
  bundlePath = path.join(dir, "workflows.js");
  writeFileSync(bundlePath, (await workflowBundle()).code);
});
afterAll(async () => {
  await Promise.all([...workers].map((w) => w.stop()));
  await receiver?.close();
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function startWorkerProcess(): Promise<WorkerProcess> {
  const worker = await spawnWorkerProcess({
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: h.temporalAddress,
    TEMPORAL_TASK_QUEUE: h.taskQueue,
    ALERTFLOW_SECRET_KEY: TEST_SECRET_KEY,
    OUTBOUND_ALLOW_LIST: "127.0.0.1",
    WORKFLOW_BUNDLE_PATH: bundlePath,
  });
  workers.add(worker);
  return worker;
}

const at = (p: string) => receiver.requests.filter((r) => r.url === p);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A flow whose only level fires on the `errorCount`th consecutive error. */
async function countFlow(name: string, errorCount: number) {
  const hook = await webhook(h, name, `${receiver.url}/${name}`);
  return publishedFlow(h, name, singleLevelGraph(hook, { level: 1, mode: "count", errorCount }));
}

/** The flow's open incident and its inbox, once its workflow has opened it with the run row. */
async function openInboxOf(flowId: string) {
  return eventually(
    async () => {
      for (const run of await runsForFlow(h, flowId)) {
        const [inbox] = await h.db
          .select()
          .from(incidentInboxes)
          .where(and(eq(incidentInboxes.id, run.id), isNull(incidentInboxes.closedAt)));
        if (inbox) return { run, inbox };
      }
      return undefined;
    },
    20_000,
    "the incident's inbox",
  );
}

const inboxOf = async (id: string) => (await h.db.select().from(incidentInboxes).where(eq(incidentInboxes.id, id)))[0];

const snapshotOf = (workflowId: string) =>
  h.client.workflow.getHandle(workflowId).query<EscalationSnapshot>("snapshot");

/** Signals of each name in the incident's history (continued runs included). */
async function signalsIn(workflowId: string) {
  const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
  const names = (history.events ?? []).flatMap((e) =>
    e.workflowExecutionSignaledEventAttributes ? [e.workflowExecutionSignaledEventAttributes.signalName ?? ""] : [],
  );
  return {
    alertEvent: names.filter((n) => n === "alertEvent").length,
    inboxPoke: names.filter((n) => n === "inboxPoke").length,
  };
}

/** Milliseconds between consecutive drains that found events, in history order. */
function drainGapsIn(history: Parameters<typeof inboxDrainsIn>[0]): number[] {
  const times = history.flatMap((event) =>
    inboxDrainsIn([event]).batches.length > 0
      ? [Number(event.eventTime?.seconds ?? 0) * 1000 + (event.eventTime?.nanos ?? 0) / 1e6]
      : [],
  );
  return times.slice(1).map((t, i) => t - (times[i] ?? t));
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function expectAccepted(token: string, body: unknown, outcome: "queued" | "opened") {
  const { status, json } = await h.postAlert(token, body);
  expect(status).toBe(202);
  expect(json).toMatchObject({ accepted: [{ outcome }] });
}

describe("the incident inbox", () => {
  it("a batch of 30 events waiting in the inbox costs one signal and is applied once, in full", async () => {
    const name = "one-poke";
    const { flowId, token } = await countFlow(name, 31);
    const worker = await h.startWorker();
    await expectAccepted(token, errorAlert(name), "opened");
    const { run } = await openInboxOf(flowId);
    // With no worker polling, nothing drains: every append after the first finds the inbox poked.
    await worker.stop();
    for (let i = 0; i < 30; i++) await expectAccepted(token, errorAlert(name), "queued");
    const restarted = await h.startWorker();
    await eventually(async () => (at(`/${name}`).length === 1 ? true : undefined), 20_000, "the 31st error's Alert");
    expect((await snapshotOf(run.workflowId)).errorCount).toBe(31);
    // The first error opened the incident at the endpoint, which started its workflow with it: no signal.
    expect(await signalsIn(run.workflowId)).toEqual({ alertEvent: 0, inboxPoke: 1 });
    await expectAccepted(token, okAlert(name), "queued");
    await eventually(async () => ((await runsForFlow(h, flowId))[0]?.status === "resolved" ? true : undefined));
    expect(at(`/${name}`).map((r) => messageOf(r.json).type)).toEqual(["Alert", "Ok"]);
    await restarted.stop();
  });

  it("concurrent appends to one inbox take consecutive seqs, and only the first owes a poke", async () => {
    const name = "appends";
    const { flowId, token } = await countFlow(name, 1000);
    const worker = await h.startWorker();
    await expectAccepted(token, errorAlert(name), "opened");
    const { run } = await openInboxOf(flowId);
    await worker.stop();
    const event = { alert: { ...normalizedError(name) }, receivedAt: new Date().toISOString() };
    const appended = await Promise.all(
      Array.from({ length: 100 }, () => appendToOpenInbox(h.db, run.workflowId, event)),
    );
    expect(appended.map((a) => a?.seq).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    expect(appended.filter((a) => a?.poke)).toHaveLength(1);
    const stored = await h.db.select().from(inboxEvents).where(eq(inboxEvents.inboxId, run.id));
    expect(stored).toHaveLength(100);
  });

  it("events accepted while the worker process is killed and restarted are all applied, none twice", async () => {
    const name = "worker-killed";
    const total = 60;
    const { flowId, token } = await countFlow(name, total);
    let worker = await startWorkerProcess();
    await expectAccepted(token, errorAlert(name), "opened");
    const { run } = await openInboxOf(flowId);
    // Errors 2..60 come in steadily; the worker is killed (SIGKILL, its process group) a third of
    // the way in, while it drains, and a new one starts two thirds in.
    for (let i = 2; i <= total; i++) {
      if (i === 20) {
        await worker.kill();
        workers.delete(worker);
      }
      if (i === 40) worker = await startWorkerProcess();
      await expectAccepted(token, errorAlert(name), "queued");
      await sleep(20);
    }
    await eventually(async () => (at(`/${name}`).length === 1 ? true : undefined), 30_000, "the 60th error's Alert");
    expect((await snapshotOf(run.workflowId)).errorCount).toBe(total);
    await sleep(500);
    expect(at(`/${name}`)).toHaveLength(1);
    await worker.stop();
    workers.delete(worker);
  });

  it("a busy incident drains at its pace: the events of an interval go in one drain, once each, across a worker SIGKILL", async () => {
    const name = "paced";
    const total = 50;
    const { flowId, token } = await countFlow(name, total);
    let worker = await startWorkerProcess();
    await expectAccepted(token, errorAlert(name), "opened");
    const { run } = await openInboxOf(flowId);
    // Errors 2..25, 40 ms apart: each would find the previous one drained and poke again. Once
    // two drains found events within the pace, the inbox stays marked and they wait for the
    // paced drain instead (inbox seqs 1..24).
    const posting = performance.now();
    for (let i = 2; i <= 25; i++) {
      await expectAccepted(token, errorAlert(name), "queued");
      await sleep(40);
    }
    const intervals = Math.ceil((performance.now() - posting) / INBOX_PACE_MS);
    // Killed (SIGKILL, its process group) while paced; errors 26..49 (seqs 25..48) come in with
    // no worker; the new worker carries on from the paced timer.
    await worker.kill();
    workers.delete(worker);
    for (let i = 26; i < total; i++) await expectAccepted(token, errorAlert(name), "queued");
    worker = await startWorkerProcess();
    await eventually(
      async () => ((await snapshotOf(run.workflowId)).errorCount === total - 1 ? true : undefined),
      30_000,
      `${total - 1} errors applied`,
    );
    // The count-mode level fires at its count, not before.
    expect(at(`/${name}`)).toHaveLength(0);
    await expectAccepted(token, errorAlert(name), "queued");
    await eventually(
      async () => (at(`/${name}`).length === 1 ? true : undefined),
      20_000,
      `the ${total}th error's Alert`,
    );
    expect((await snapshotOf(run.workflowId)).errorCount).toBe(total);

    const inbox = inboxDrainsIn((await h.client.workflow.getHandle(run.workflowId).fetchHistory()).events ?? []);
    const seen = JSON.stringify({ intervals, ...inbox });
    // Every seq read (a batch re-read after the kill may repeat, and is applied once: errorCount).
    expect(
      [...new Set(inbox.seqs)].sort((a, b) => a - b),
      seen,
    ).toEqual(Array.from({ length: total - 1 }, (_, i) => i + 1));
    // Unpaced, each of the 24 spaced errors costs a poke and a drain. Paced: one or two pokes
    // start the busy spell (one more may come for the 50th), then a drain per interval.
    expect(inbox.pokes, seen).toBeLessThanOrEqual(4);
    expect(inbox.batches.filter((b) => Math.max(...b) <= 24).length, seen).toBeLessThanOrEqual(intervals + 3);
    // What came in while no worker ran is applied in one drain.
    const whileKilled = Array.from({ length: 24 }, (_, i) => 25 + i);
    expect(
      inbox.batches.some((b) => whileKilled.every((seq) => b.includes(seq))),
      seen,
    ).toBe(true);
    await sleep(500);
    expect(at(`/${name}`)).toHaveLength(1);
    await expectAccepted(token, okAlert(name), "queued");
    await eventually(async () => ((await runsForFlow(h, flowId))[0]?.status === "resolved" ? true : undefined));
    // The paced drains carried the timeline of the batch before theirs: every error is in it, once.
    expect(await eventsForRun(h, run.id, "alert.error"), seen).toHaveLength(total);
    await recordHistory(h, run.workflowId, "incident-inbox-paced-folding-drains");
    await worker.stop();
    workers.delete(worker);
  });

  it("a very busy incident drains every 2 s, but for a count-mode level yet to fire; its Ok is applied at once", async () => {
    const name = "very-busy";
    const hook = await webhook(h, name, `${receiver.url}/${name}`);
    // No count-mode level: nothing needs its errors applied within the 1 s pace.
    const { flowId, token } = await publishedFlow(h, name, singleLevelGraph(hook, { level: 1, afterSeconds: 3600 }));
    // The same load on an incident whose level fires at an error count it does not reach.
    const counted = await countFlow(`${name}-count`, 10_000);
    const worker = await h.startWorker();
    await expectAccepted(token, errorAlert(name), "opened");
    await expectAccepted(counted.token, errorAlert(`${name}-count`), "opened");
    const { run } = await openInboxOf(flowId);
    const { run: countedRun } = await openInboxOf(counted.flowId);
    // About 25 errors a second to each, 5 at a time: each paced drain finds far more than
    // VERY_BUSY_EVENTS. After 6 s, the Ok goes right after a drain (the applied count moved since
    // the last look), when the next paced drain is still most of INBOX_SLOW_PACE_MS away.
    const posting = performance.now();
    let applied = (await snapshotOf(run.workflowId)).errorCount;
    let posted = 1;
    for (;;) {
      await Promise.all([
        ...Array.from({ length: 5 }, () => expectAccepted(token, errorAlert(name), "queued")),
        ...Array.from({ length: 5 }, () => expectAccepted(counted.token, errorAlert(`${name}-count`), "queued")),
      ]);
      posted += 5;
      await sleep(150);
      const count = (await snapshotOf(run.workflowId)).errorCount;
      const drained = count !== applied;
      applied = count;
      if (drained && performance.now() - posting > 6_000) break;
      expect(performance.now() - posting, "a drain within 10 s").toBeLessThan(10_000);
    }
    await expectAccepted(token, okAlert(name), "queued");
    const okAnsweredAt = Date.now();
    await eventually(async () => ((await runsForFlow(h, flowId))[0]?.status === "resolved" ? true : undefined));
    const [ok] = await eventsForRun(h, run.id, "alert.ok");
    // The workflow's clock (its task's start) against this process's: one machine.
    const okAppliedAfterMs = (ok?.at.getTime() ?? Infinity) - okAnsweredAt;

    const history = (await h.client.workflow.getHandle(run.workflowId).fetchHistory()).events ?? [];
    const countedHistory = (await h.client.workflow.getHandle(countedRun.workflowId).fetchHistory()).events ?? [];
    // Between drains that found events, the opening's first seconds and the Ok's drain left out.
    const gaps = drainGapsIn(history).slice(2, -1);
    const countedGaps = drainGapsIn(countedHistory).slice(2, -1);
    const seen = JSON.stringify({
      okAppliedAfterMs,
      gaps: gaps.map(Math.round),
      countedGaps: countedGaps.map(Math.round),
      pokes: inboxDrainsIn(history).pokes,
    });
    expect(gaps.length, seen).toBeGreaterThanOrEqual(1);
    expect(median(gaps), seen).toBeGreaterThanOrEqual(INBOX_SLOW_PACE_MS - 300);
    expect(countedGaps.length, seen).toBeGreaterThanOrEqual(2);
    expect(median(countedGaps), seen).toBeLessThan(INBOX_PACE_MS + 400);
    // Paced, the Ok would wait for the next drain, 1.5–2 s away; urgent, it is drained at once.
    expect(okAppliedAfterMs, seen).toBeLessThan(1_000);
    // Every error applied once, before the Ok.
    expect((await snapshotOf(run.workflowId)).errorCount, seen).toBe(posted);
    expect(await eventsForRun(h, run.id, "alert.error"), seen).toHaveLength(posted);
    await recordHistory(h, run.workflowId, "incident-inbox-adaptive-pace");
    await h.client.workflow.getHandle(countedRun.workflowId).terminate("test done");
    await worker.stop();
  });

  it("an incident whose errors come now and then keeps its level timer across the drains", async () => {
    const name = "kept-timer";
    const hook = await webhook(h, name, `${receiver.url}/${name}`);
    const { flowId, token } = await publishedFlow(h, name, singleLevelGraph(hook, { level: 1, afterSeconds: 3600 }));
    const worker = await h.startWorker();
    await expectAccepted(token, errorAlert(name), "opened");
    const { run } = await openInboxOf(flowId);
    // Further apart than the pace: each error is its own poke and drain, and the level stays due
    // an hour after the first.
    for (let i = 2; i <= 5; i++) {
      await sleep(INBOX_PACE_MS + 300);
      await expectAccepted(token, errorAlert(name), "queued");
      await eventually(async () => ((await snapshotOf(run.workflowId)).errorCount === i ? true : undefined));
    }
    const history = (await h.client.workflow.getHandle(run.workflowId).fetchHistory()).events ?? [];
    const timers = {
      started: history.filter((e) => e.timerStartedEventAttributes).length,
      cancelled: history.filter((e) => e.timerCanceledEventAttributes).length,
      pokes: (await signalsIn(run.workflowId)).inboxPoke,
    };
    // Before the first drain that finds an error the timer goes as it always did (cancelled by the
    // poke, started again); from then on it stays: once cancelled and started per drain otherwise.
    expect(timers.pokes, JSON.stringify(timers)).toBeGreaterThanOrEqual(4);
    expect(timers, JSON.stringify(timers)).toMatchObject({ started: 2, cancelled: 1 });
    expect(at(`/${name}`)).toHaveLength(0);
    await h.client.workflow.getHandle(run.workflowId).terminate("test done");
    await worker.stop();
  });

  it("an inbox whose workflow was terminated by hand is closed by its poke; the next error opens a new incident", async () => {
    const name = "terminated";
    const { flowId, token } = await countFlow(name, 1000);
    const worker = await h.startWorker();
    await expectAccepted(token, errorAlert(name), "opened");
    const { run } = await openInboxOf(flowId);
    // The endpoint starts the workflow after its 202: terminated once it runs.
    await eventually(async () => ((await inboxOf(run.id))?.startInput === null ? true : undefined));
    await h.client.workflow.getHandle(run.workflowId).terminate("by hand");
    // Committed to the orphan inbox (answered before the poke finds no workflow): the limit the
    // README states. Its poke closes the inbox, so what follows starts a new incident.
    await expectAccepted(token, errorAlert(name), "queued");
    await eventually(
      async () => {
        return (await inboxOf(run.id))?.closedAt ? true : undefined;
      },
      10_000,
      "the orphan inbox closed",
    );
    await expectAccepted(token, errorAlert(name), "opened");
    await eventually(async () => ((await runsForFlow(h, flowId)).length === 2 ? true : undefined));
    await worker.stop();
  });

  it("an error that arrives while the incident ends opens the next incident", async () => {
    const name = "ending";
    const hook = await webhook(h, name, `${receiver.url}/${name}`);
    const { flowId, token } = await publishedFlow(h, name, singleLevelGraph(hook));
    const worker = await h.startWorker();
    // Each round: an Ok, then an error a moment later (none, a few ms, tens of ms), so the error
    // lands in the inbox before the drain, after the close, or while the run completes.
    const gaps = [0, 5, 20, 60, 150];
    await expectAccepted(token, errorAlert(name), "opened");
    for (const [round, gap] of gaps.entries()) {
      await openInboxOf(flowId);
      expect((await h.postAlert(token, okAlert(name))).status).toBe(202);
      await sleep(gap);
      expect((await h.postAlert(token, errorAlert(name))).status).toBe(202);
      await eventually(
        async () => ((await runsForFlow(h, flowId)).length === round + 2 ? true : undefined),
        20_000,
        `incident ${round + 2}`,
      );
    }
    await eventually(async () => (at(`/${name}`).length === 2 * gaps.length + 1 ? true : undefined));
    // The next incident's first message (sent by the endpoint) may come before the previous run
    // has recorded its end.
    const statuses = async () => (await runsForFlow(h, flowId)).map((r) => r.status).sort();
    const expected = ["escalating", ...gaps.map(() => "resolved")];
    await eventually(async () => (JSON.stringify(await statuses()) === JSON.stringify(expected) ? true : undefined));
    expect(await statuses()).toEqual(expected);
    await worker.stop();
  });
});

function normalizedError(key: string) {
  return {
    key,
    status: "error" as const,
    summary: "appended",
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
