import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { errorAlert, eventually, publishedFlow, runsForFlow, webhook } from "~/test-support/flow-fixtures";

let h: Harness;
let receiver: Receiver;
beforeAll(async () => {
  h = await createHarness();
  await h.startWorker();
  // Busy, then rate limited, then fine: the first two answers used to vanish from the history.
  receiver = await startReceiver((_req, index) =>
    index === 0
      ? { status: 503, headers: { "Retry-After": "1" }, body: "overloaded" }
      : index === 1
        ? { status: 429, body: "slow down" }
        : { status: 200, body: '{"ok":true}' },
  );
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

describe("delivery attempts", () => {
  it("keeps every attempt of a retried message, as the receiver saw them", async () => {
    const id = await webhook(h, "Flaky", `${receiver.url}/hook`);
    const { flowId, token } = await publishedFlow(h, "Attempts", singleLevelGraph(id));
    await h.postAlert(token, errorAlert("flaky"));
    await receiver.waitFor(3, 30_000);
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
    const keys = new Set(receiver.requests.map((r) => r.headers["idempotency-key"]));
    expect(keys.size).toBe(1);
    const [first, second, third] = detail.attemptLog;
    expect(first?.request?.url).toBe(`${receiver.url}/hook`);
    expect(first?.nextRetryMs).toBeGreaterThanOrEqual(1000);
    expect(second && first && second.startedAt.getTime() - first.startedAt.getTime()).toBeGreaterThanOrEqual(900);
    expect(third?.latencyMs).toBeGreaterThanOrEqual(0);
    await h.api.runs.cancel({ runId: run.id });
  });
});
