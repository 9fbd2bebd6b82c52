import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { deliveries, dueSends, incidentInboxes, integrations, runEvents } from "~/db/schema";
import { createHarness, TEST_KEYRING, workflowBundle, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import {
  deliveriesForRun,
  errorAlert,
  eventually,
  messageOf,
  okAlert,
  runsForFlow,
  twoLevelWebhookFlow,
} from "~/test-support/flow-fixtures";
import { startDueSendJob } from "./due-send-job";
import { dueMessageOf } from "./due-message";
import { takeBackDueSends } from "~/server/runs/due-send-fence";
import { acknowledgeUpdate } from "~/workflows/messages";

/**
 * The due-send job sends an incident's planned next message when it falls due, without the
 * workflow's task; the workflow stays the owner. These tests stop every worker before the due
 * time, so only the job can send on time, and hold the job to the workflow's promises: on time,
 * once, never after an operator's action or an event the plan did not see, and the workflow's
 * timeline and Ok include what the job sent.
 */
const LEVEL2_SECONDS = 3;
let h: Harness;
let receiver: Receiver;
let stopJob: (() => Promise<void>) | undefined;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  receiver = await startReceiver();
  h = await createHarness();
  await workflowBundle();
});
afterEach(async () => {
  await stopJob?.();
  stopJob = undefined;
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

const startJob = () => {
  stopJob = startDueSendJob(
    { db: h.db, keyring: TEST_KEYRING, allowList: ["127.0.0.1"], publicUrl: "http://localhost:3000" },
    { everyMs: 50 },
  );
};

const at = (path: string) => receiver.requests.filter((r) => r.url === path);

/** A new incident of a fresh two-level flow, its level 1 sent, its workflow run and then stopped. */
async function openIncident(name: string) {
  const flow = await twoLevelWebhookFlow(h, receiver.url, name, LEVEL2_SECONDS);
  const worker = await h.startWorker();
  const posted = await h.postAlert(flow.token, errorAlert(name));
  expect(posted.status).toBe(202);
  const postedAt = Date.now();
  const run = await eventually(async () => (await runsForFlow(h, flow.flowId))[0], 10_000, "run row");
  // The workflow took the incident over and planned level 2.
  const planned = await eventually(
    async () => (await h.db.select().from(dueSends).where(eq(dueSends.runId, run.id)))[0],
    10_000,
    "level 2 planned",
  );
  await worker.stop();
  return { flow, run, planned, postedAt, l1: `/${name}/l1`, l2: `/${name}/l2` };
}

describe("the due-send job", () => {
  it("sends level 2 on time while no worker runs, and the workflow then finds it sent", async () => {
    const { run, planned, l2 } = await openIncident("due-on-time");
    expect(planned.state).toBe("waiting");
    expect(planned.dueAt.getTime()).toBe(run.firstErrorAt.getTime() + LEVEL2_SECONDS * 1000);
    startJob();
    const sent = await eventually(async () => at(l2)[0], 10_000, "level 2 at the receiver");
    // On time: within the job's pass and one send of the due moment, with no workflow running.
    const lateMs = sent.at - planned.dueAt.getTime();
    expect(lateMs).toBeGreaterThanOrEqual(0);
    expect(lateMs).toBeLessThan(1_000);
    expect(messageOf(sent.json).type).toBe("Alert");

    const worker = await h.startWorker();
    try {
      // The workflow's timer fires the same level: its timeline says so, its delivery finds the row sent.
      await eventually(
        async () =>
          (await h.db.select().from(runEvents).where(eq(runEvents.runId, run.id))).find(
            (e) => e.type === "level.fired" && e.level === 2,
          ),
        15_000,
        "level 2 in the timeline",
      );
      await sleep(1_000);
      expect(at(l2)).toHaveLength(1);
      const delivery = (await deliveriesForRun(h, run.id)).find((d) => d.level === 2);
      expect(delivery?.status).toBe("delivered");
      expect(delivery?.attempts).toBe(1);
    } finally {
      await worker.stop();
    }
  });

  it("an Ok after the job sent level 2 reaches level 2 too: the workflow fires it first", async () => {
    const { flow, run, planned, l1, l2 } = await openIncident("due-then-ok");
    startJob();
    await eventually(async () => at(l2)[0], 10_000, "level 2 at the receiver");
    expect(Date.now()).toBeGreaterThanOrEqual(planned.dueAt.getTime());
    // The workflow has not run since: the Ok waits in the inbox with the level 2 it never saw.
    expect((await h.postAlert(flow.token, okAlert("due-then-ok"))).status).toBe(202);
    const worker = await h.startWorker();
    try {
      await eventually(
        async () => at(l2).find((r) => messageOf(r.json).type === "Ok"),
        15_000,
        "the Ok at level 2's receiver",
      );
      await eventually(async () => at(l1).find((r) => messageOf(r.json).type === "Ok"), 15_000, "the Ok at level 1");
      const events = await h.db.select().from(runEvents).where(eq(runEvents.runId, run.id));
      const fired = events.find((e) => e.type === "level.fired" && e.level === 2);
      const ok = events.find((e) => e.type === "alert.ok");
      expect(fired?.at.getTime()).toBe(planned.dueAt.getTime());
      expect(ok && fired && fired.at <= ok.at).toBe(true);
      expect(at(l2).filter((r) => messageOf(r.json).type === "Alert")).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });

  it("an error the plan did not see leaves level 2 to the workflow", async () => {
    const { flow, planned, l2 } = await openIncident("due-after-fold");
    // Folds into the open incident: the inbox moves past the plan's seq.
    expect((await h.postAlert(flow.token, errorAlert("due-after-fold", "still down"))).status).toBe(202);
    startJob();
    await sleep(Math.max(0, planned.dueAt.getTime() - Date.now()) + 1_000);
    expect(at(l2)).toHaveLength(0);
    const worker = await h.startWorker();
    try {
      const sent = await eventually(async () => at(l2)[0], 15_000, "level 2 from the workflow");
      // Sent by the workflow, with the error the plan did not see.
      expect(JSON.stringify(sent.json)).toContain("still down");
      await sleep(500);
      expect(at(l2)).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });

  it("sends nothing after an acknowledge, and what it sent before is in the timeline ahead of it", async () => {
    // Acknowledged before the due time: the job sends nothing, and neither does the workflow.
    const early = await openIncident("due-acked-early");
    const worker = await h.startWorker();
    try {
      startJob();
      await h.api.runs.acknowledge({ runId: early.run.id });
      const [inbox] = await h.db.select().from(incidentInboxes).where(eq(incidentInboxes.id, early.run.id));
      expect(inbox?.sendsStoppedAt).not.toBeNull();
      await sleep(Math.max(0, early.planned.dueAt.getTime() - Date.now()) + 1_000);
      expect(at(early.l2)).toHaveLength(0);
    } finally {
      await worker.stop();
    }
    await stopJob?.();

    // Acknowledged after the job sent level 2 while the workflow was stopped: level 2 fired first.
    const late = await openIncident("due-acked-late");
    startJob();
    await eventually(async () => at(late.l2)[0], 10_000, "level 2 at the receiver");
    const restarted = await h.startWorker();
    try {
      await h.api.runs.acknowledge({ runId: late.run.id });
      const events = await eventually(async () => {
        const all = await h.db.select().from(runEvents).where(eq(runEvents.runId, late.run.id));
        return all.some((e) => e.type === "acknowledged") ? all : undefined;
      });
      const fired = events.find((e) => e.type === "level.fired" && e.level === 2);
      const acked = events.find((e) => e.type === "acknowledged");
      expect(fired && acked && fired.at <= acked.at).toBe(true);
      expect((await h.postAlert(late.flow.token, okAlert("due-acked-late"))).status).toBe(202);
      await eventually(async () => at(late.l2).find((r) => messageOf(r.json).type === "Ok"), 15_000, "Ok at level 2");
      expect(at(late.l2).filter((r) => messageOf(r.json).type === "Alert")).toHaveLength(1);
    } finally {
      await restarted.stop();
    }
  });

  it("sends nothing for an incident an operator's action stopped, though it is still escalating", async () => {
    const { run, planned, l2 } = await openIncident("due-stopped");
    // The action's first step (actOnRun) with its update not yet applied: the run still escalates.
    expect(await takeBackDueSends(h.db, run.id)).toBeUndefined();
    startJob();
    await sleep(Math.max(0, planned.dueAt.getTime() - Date.now()) + 1_000);
    expect(at(l2)).toHaveLength(0);
    const [row] = await h.db.select().from(dueSends).where(eq(dueSends.runId, run.id));
    expect(row?.state).toBe("waiting");
  });

  it("the workflow fires what the job sent before an action ahead of the action", async () => {
    const flow = await twoLevelWebhookFlow(h, receiver.url, "due-before-action", 60);
    const worker = await h.startWorker();
    try {
      expect((await h.postAlert(flow.token, errorAlert("due-before-action"))).status).toBe(202);
      const run = await eventually(async () => (await runsForFlow(h, flow.flowId))[0], 10_000, "run row");
      const planned = await eventually(
        async () => (await h.db.select().from(dueSends).where(eq(dueSends.runId, run.id)))[0],
        10_000,
        "level 2 planned",
      );
      // An acknowledge that found level 2 claimed by the job (due in a minute here, so only this
      // rule can fire it now): level 2 fires at its due time, then the acknowledge.
      await h.client.workflow
        .getHandle(run.workflowId)
        .executeUpdate(acknowledgeUpdate, { args: [{ by: "test", dueSentAtMs: planned.dueAt.getTime() }] });
      const events = await eventually(async () => {
        const all = await h.db.select().from(runEvents).where(eq(runEvents.runId, run.id));
        return all.some((e) => e.type === "acknowledged") ? all : undefined;
      });
      const fired = events.find((e) => e.type === "level.fired" && e.level === 2);
      expect(fired?.at.getTime()).toBe(planned.dueAt.getTime());
      // The job's row is the one the workflow's delivery finds; there is none here, so it sends.
      await eventually(async () => at("/due-before-action/l2")[0], 10_000, "level 2 sent by the workflow");
    } finally {
      await worker.stop();
    }
  });

  it("a planned send whose integration was deleted since holds up no other incident's", async () => {
    const gone = await openIncident("due-gone");
    const kept = await openIncident("due-kept");
    // Deleted under the running incident (the app refuses this only for published versions).
    const [l2Integration] = await h.db
      .select({ id: deliveries.integrationId })
      .from(deliveries)
      .where(eq(deliveries.runId, gone.run.id));
    const goneMessage = dueMessageOf(gone.planned.message);
    expect(goneMessage).not.toBeNull();
    expect(l2Integration?.id).not.toBe(goneMessage?.target.integrationId);
    await h.db.delete(integrations).where(eq(integrations.id, goneMessage?.target.integrationId ?? ""));
    startJob();
    const sent = await eventually(async () => at(kept.l2)[0], 10_000, "the other incident's level 2");
    expect(sent.at - kept.planned.dueAt.getTime()).toBeLessThan(1_000);
    expect(at(gone.l2)).toHaveLength(0);
  });
});
