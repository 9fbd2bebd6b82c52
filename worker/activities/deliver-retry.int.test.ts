import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveryRetryPolicy } from "~/core/delivery/retry-policy";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver } from "~/test-support/http-receiver";
import {
  deliveriesForRun,
  errorAlert,
  eventually,
  publishedFlow,
  runsForFlow,
  webhook,
} from "~/test-support/flow-fixtures";

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  h = await createHarness();
  await h.startWorker();
  // A receiver that asks for a year's patience.
  receiver = await startReceiver(() => ({ status: 429, headers: { "Retry-After": "31536000" }, body: "later" }));
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

describe("a receiver's Retry-After", () => {
  it("is capped at the retry policy's longest wait, and the cap is recorded", async () => {
    const id = await webhook(h, "Patient", `${receiver.url}/year`);
    const { flowId, token } = await publishedFlow(h, "Retry-After", singleLevelGraph(id));
    await h.postAlert(token, errorAlert("slow"));
    const run = await eventually(async () => (await runsForFlow(h, flowId))[0], 15_000, "run row");
    const delivery = await eventually(async () => {
      const [row] = await deliveriesForRun(h, run.id);
      // Counted when the attempt starts; answered once the status code is in.
      return row?.attempts === 1 && row.statusCode !== null ? row : undefined;
    });
    const cap = "Retry-After asked for 31536000 s; retrying in 300 s, the longest wait the retry policy allows";
    expect(delivery).toMatchObject({ status: "pending", statusCode: 429 });
    expect(delivery.error).toContain(cap);

    // Temporal holds the next attempt at most the policy's maximum away, and shows why.
    const handle = h.client.workflow.getHandle(run.workflowId);
    const pending = await eventually(async () => {
      const { raw } = await handle.describe();
      const activity = raw.pendingActivities?.[0];
      return activity?.nextAttemptScheduleTime ? activity : undefined;
    });
    const nextAttemptMs = Number(pending.nextAttemptScheduleTime?.seconds ?? 0) * 1000;
    expect(nextAttemptMs - Date.now()).toBeLessThanOrEqual(deliveryRetryPolicy.maxIntervalMs);
    expect(nextAttemptMs - Date.now()).toBeGreaterThan(deliveryRetryPolicy.maxIntervalMs - 60_000);
    expect(pending.lastFailure?.message).toContain(cap);
    // The first attempt ran as a local activity and handed over at once: the handover waits too.
    expect(receiver.requests).toHaveLength(1);
    await handle.terminate("test done");
  });
});
