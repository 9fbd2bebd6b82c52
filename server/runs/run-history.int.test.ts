import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { singleLevelGraph, twoLevelGraph } from "~/test-support/graph-builder";
import { createHarness, TEST_KEYRING, type Harness } from "~/test-support/harness";
import { createContextInner } from "~/server/context";
import { createCaller } from "~/server/routers/_app";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { errorAlert, eventually, publishedFlow, runsForFlow, webhook } from "~/test-support/flow-fixtures";
import { INCIDENT_WORKFLOW } from "~/workflows/messages";

let h: Harness;
const receivers: Receiver[] = [];
const receiver = async (...args: Parameters<typeof startReceiver>) => {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
};
beforeAll(async () => {
  h = await createHarness();
  await h.startWorker();
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await h?.close();
});

describe("delivery attempts", () => {
  it("keeps every attempt of a retried message, as the receiver saw them", async () => {
    // Busy, then rate limited, then fine: the first two answers used to vanish from the history.
    const flaky = await receiver((_req, index) =>
      index === 0
        ? { status: 503, headers: { "Retry-After": "1" }, body: "overloaded" }
        : index === 1
          ? { status: 429, body: "slow down" }
          : { status: 200, body: '{"ok":true}' },
    );
    const id = await webhook(h, "Flaky", `${flaky.url}/hook`);
    const { flowId, token } = await publishedFlow(h, "Attempts", singleLevelGraph(id));
    await h.postAlert(token, errorAlert("flaky"));
    await flaky.waitFor(3, 30_000);
    const run = await eventually(async () => (await runsForFlow(h, flowId))[0], 10_000, "run row");

    const detail = await eventually(async () => {
      const got = await h.api.runs.get({ runId: run.id });
      const delivery = got.timeline.flatMap((e) => (e.kind === "delivery" ? [e.delivery] : []))[0];
      return delivery?.status === "delivered" ? delivery : undefined;
    }, 15_000);
    expect(detail.attempts).toBe(3);
    expect(
      detail.attemptLog.map((a) => ({
        attempt: a.attempt,
        outcome: a.outcome,
        statusCode: a.statusCode,
        retryAfterMs: a.retryAfterMs,
        body: a.response?.body,
      })),
    ).toEqual([
      { attempt: 1, outcome: "retrying", statusCode: 503, retryAfterMs: 1000, body: "overloaded" },
      { attempt: 2, outcome: "retrying", statusCode: 429, retryAfterMs: null, body: "slow down" },
      { attempt: 3, outcome: "delivered", statusCode: 200, retryAfterMs: null, body: '{"ok":true}' },
    ]);
    // The attempts are the requests the receiver got, in order, one idempotency key for all.
    const keys = new Set(flaky.requests.map((r) => r.headers["idempotency-key"]));
    expect(keys.size).toBe(1);
    const [first, second, third] = detail.attemptLog;
    expect(first?.request?.url).toBe(`${flaky.url}/hook`);
    expect(first?.nextRetryMs).toBeGreaterThanOrEqual(1000);
    expect(second && first && second.startedAt.getTime() - first.startedAt.getTime()).toBeGreaterThanOrEqual(900);
    expect(third?.latencyMs).toBeGreaterThanOrEqual(0);
    await h.api.runs.cancel({ runId: run.id });
  });
});

describe("what happens next", () => {
  it("gives the engine's next level and reminder times in the run and the list, and nothing once acknowledged", async () => {
    const ok = await receiver();
    const id = await webhook(h, "Next steps", `${ok.url}/hook`);
    const graph = twoLevelGraph(
      [id, id],
      { level: 1, afterSeconds: 0, reminderCount: 3, reminderEverySeconds: 40 },
      { level: 2, mode: "duration", afterSeconds: 90 },
    );
    const { flowId, token } = await publishedFlow(h, "Next steps", graph);
    await h.postAlert(token, errorAlert("next-steps"));
    await ok.waitFor(1, 20_000);
    const run = await eventually(async () => (await runsForFlow(h, flowId))[0], 10_000, "run row");

    // The endpoint opens the run and sends level 1 before the workflow writes the timeline.
    const detail = await eventually(async () => {
      const got = await h.api.runs.get({ runId: run.id });
      const firedYet = got.timeline.some((e) => e.kind === "event" && e.event.type === "level.fired");
      return got.next?.steps.length && firedYet ? got : undefined;
    });
    const fired = detail.timeline.find((e) => e.kind === "event" && e.event.type === "level.fired");
    if (!fired) throw new Error("level 1 did not fire");
    const firstError = detail.run.firstErrorAt.getTime();
    expect(detail.next?.steps.map((s) => ({ ...s, at: s.at.getTime() }))).toEqual([
      {
        at: fired.at.getTime() + 40_000,
        level: 1,
        nodeId: "l1",
        messageType: "reminder",
        reminderNumber: 1,
        reminderCount: 3,
      },
      {
        at: fired.at.getTime() + 80_000,
        level: 1,
        nodeId: "l1",
        messageType: "reminder",
        reminderNumber: 2,
        reminderCount: 3,
      },
      { at: firstError + 90_000, level: 2, nodeId: "l2", messageType: "error", reminderNumber: 0, reminderCount: 0 },
    ]);
    expect(detail.highlights).toMatchObject({ l1: "fired", l2: "next" });

    const list = await h.api.runs.list({ flowId, limit: 10 });
    expect(list.items[0]?.next).toMatchObject({ level: 1, messageType: "reminder", reminderNumber: 1 });
    expect(list.items[0]?.next?.at.getTime()).toBe(fired.at.getTime() + 40_000);

    await h.api.runs.acknowledge({ runId: run.id });
    const acked = await h.api.runs.get({ runId: run.id });
    expect(acked.next).toBeNull();
    expect((await h.api.runs.list({ flowId, limit: 10 })).items[0]?.next).toBeNull();
    await h.api.runs.cancel({ runId: run.id });
  });
});

describe("acting on failed deliveries and ended runs", () => {
  const callerAs = (role: "viewer" | "editor", name: string) =>
    createCaller(
      createContextInner({
        db: h.db,
        temporal: h.client,
        taskQueue: h.taskQueue,
        workspaceId: h.workspaceId,
        role,
        actor: { userId: null, name },
        keyring: TEST_KEYRING,
        outboundAllowList: ["127.0.0.1", "localhost"],
      }),
    );

  it("re-sends a failed delivery once the receiver recovers, records who did it, and re-runs the incident", async () => {
    let down = true;
    // 400 is final: the message fails at once instead of retrying for minutes.
    const target = await receiver(() =>
      down ? { status: 400, body: "bad gateway config" } : { status: 202, body: "ok" },
    );
    const id = await webhook(h, "Recovering", `${target.url}/hook`);
    const { flowId, token } = await publishedFlow(h, "Re-send", singleLevelGraph(id));
    await h.postAlert(token, errorAlert("resend-me"));
    const run = await eventually(async () => (await runsForFlow(h, flowId))[0], 15_000, "run row");
    const failed = await eventually(async () => {
      const page = await h.api.runs.failedDeliveries({ flowId, limit: 10 });
      return page.items[0];
    }, 15_000);
    expect(failed).toMatchObject({ runId: run.id, statusCode: 400, attempts: 1, integrationName: "Recovering" });

    // Viewers acknowledge and resolve; re-sending is for editors.
    await expect(callerAs("viewer", "Vera").runs.resend({ deliveryIds: [failed.id] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(target.requests).toHaveLength(1);

    down = false;
    const [result] = await callerAs("editor", "Eddie").runs.resend({ deliveryIds: [failed.id] });
    expect(result).toMatchObject({ deliveryId: failed.id, outcome: "delivered", attempt: 2, statusCode: 202 });
    expect(target.requests).toHaveLength(2);
    // The same message: same idempotency key as the first try.
    expect(target.requests[1]?.headers["idempotency-key"]).toBe(target.requests[0]?.headers["idempotency-key"]);

    const detail = await h.api.runs.get({ runId: run.id });
    const delivery = detail.timeline.flatMap((e) => (e.kind === "delivery" ? [e.delivery] : []))[0];
    expect(delivery?.status).toBe("delivered");
    expect(delivery?.attemptLog.map((a) => [a.attempt, a.statusCode, a.resentBy])).toEqual([
      [1, 400, null],
      [2, 202, "Eddie"],
    ]);
    const resent = detail.timeline.find((e) => e.kind === "event" && e.event.type === "delivery.resent");
    expect(resent?.kind === "event" && resent.event).toMatchObject({
      detail: { by: "Eddie", outcome: "delivered", statusCode: 202, attempt: 2 },
    });
    expect((await h.api.runs.failedDeliveries({ flowId, limit: 10 })).items).toEqual([]);
    // Already delivered: a second re-send sends nothing.
    const [again] = await h.api.runs.resend({ deliveryIds: [failed.id] });
    expect(again?.outcome).toBe("not_failed");
    expect(target.requests).toHaveLength(2);

    // An open run cannot be re-run; an ended one starts again on the current version.
    await expect(h.api.runs.rerun({ runId: run.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await h.api.runs.resolve({ runId: run.id });
    await eventually(async () => {
      const [row] = await runsForFlow(h, flowId);
      return row && row.status !== "escalating" && row.status !== "acknowledged" ? true : undefined;
    });
    const { runId: newRunId } = await callerAs("editor", "Eddie").runs.rerun({ runId: run.id });
    const rerun = await eventually(async () => {
      const got = await h.api.runs.get({ runId: newRunId }).catch(() => undefined);
      const sent = got?.timeline.some((e) => e.kind === "delivery" && e.delivery.status === "delivered");
      return sent && got?.timeline.some((e) => e.kind === "event" && e.event.type === "rerun.started")
        ? got
        : undefined;
    });
    expect(rerun.run.alertKey).toBe("resend-me");
    // A rerun starts the type with every patch built in: its first task records no patch marker.
    const [started] = (await h.client.workflow.getHandle(rerun.run.workflowId).fetchHistory()).events ?? [];
    expect(started?.workflowExecutionStartedEventAttributes?.workflowType?.name).toBe(INCIDENT_WORKFLOW);
    const old = await h.api.runs.get({ runId: run.id });
    expect(old.timeline.some((e) => e.kind === "event" && e.event.type === "rerun.requested")).toBe(true);
    await h.api.runs.cancel({ runId: newRunId });
  });
});
