import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { singleLevelGraph } from "../test-support/graph-builder";
import { createHarness, type Harness } from "../test-support/harness";
import { startReceiver } from "../test-support/http-receiver";
import {
  deliveriesForRun,
  errorAlert,
  eventually,
  okAlert,
  publishedFlow,
  runsForFlow,
  webhook,
} from "../test-support/flow-fixtures";

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  h = await createHarness();
  await h.startWorker();
  // 400 is final: one attempt, no retries, so the test does not wait out the backoff.
  receiver = await startReceiver((req) => (req.url.startsWith("/rejects") ? { status: 400 } : { status: 200 }));
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

async function finishedRun(name: string, url: string) {
  const id = await webhook(h, name, url);
  const { flowId, token } = await publishedFlow(h, name, singleLevelGraph(id));
  await h.postAlert(token, errorAlert(name));
  const run = await eventually(async () => (await runsForFlow(h, flowId))[0], 15_000, "run row");
  await eventually(async () => ((await deliveriesForRun(h, run.id))[0]?.status !== "pending" ? true : undefined));
  await h.postAlert(token, okAlert(name));
  await h.client.workflow.getHandle(run.workflowId).result();
  const [finished] = await runsForFlow(h, flowId);
  return { run: finished, deliveries: await deliveriesForRun(h, run.id) };
}

describe("a run whose messages reached no one", () => {
  it("ends as failed, with the recovery time still recorded", async () => {
    const { run, deliveries } = await finishedRun("Unreachable", `${receiver.url}/rejects`);
    expect(deliveries.map((d) => d.status)).toEqual(["failed", "failed"]);
    expect(run?.status).toBe("failed");
    expect(run?.resolvedAt).not.toBeNull();
  });

  it("ends as resolved when its messages arrived", async () => {
    const { run } = await finishedRun("Reachable", `${receiver.url}/accepts`);
    expect(run?.status).toBe("resolved");
  });
});
