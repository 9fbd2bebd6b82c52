import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { singleLevelGraph } from "../test-support/graph-builder";
import { startReceiver } from "../test-support/http-receiver";
import { createHarness, type Harness } from "../test-support/harness";
import {
  deliveriesForRun,
  errorAlert,
  eventually,
  messageOf,
  okAlert,
  publishedFlow,
  runsForFlow,
  webhook,
} from "../test-support/flow-fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await h.startWorker();
});
afterAll(async () => {
  await h?.close();
});

describe("walking skeleton: alert in, message out, ok closes the incident", () => {
  it("delivers the Error after the level's delay, then completes on Ok", async () => {
    const receiver = await startReceiver();
    const integrationId = await webhook(h, "Ops hook", `${receiver.url}/hook`);
    const graph = singleLevelGraph(integrationId, { level: 1, afterSeconds: 2 });
    const { flowId, token } = await publishedFlow(h, "Skeleton", graph);

    const postedAt = Date.now();
    const accepted = await h.postAlert(token, errorAlert("checkout-api"));
    expect(accepted.status).toBe(202);

    await receiver.waitFor(1, 20_000);
    const [first] = receiver.requests;
    expect(first?.url).toBe("/hook");
    expect(messageOf(first?.json)).toEqual({ type: "Alert", level: "1" });
    // The level waits 2 s from the first error before it fires.
    expect((first?.at ?? 0) - postedAt).toBeGreaterThanOrEqual(1900);
    expect(first?.headers["idempotency-key"]).toBeTruthy();

    const [run] = await runsForFlow(h, flowId);
    expect(run?.alertKey).toBe("checkout-api");
    const handle = h.client.workflow.getHandle(run?.workflowId ?? "");

    expect((await h.postAlert(token, okAlert("checkout-api"))).status).toBe(202);
    await handle.result();
    await receiver.waitFor(2);
    expect(messageOf(receiver.requests[1]?.json)).toEqual({ type: "Ok", level: "1" });

    const settled = await eventually(async () => {
      const [r] = await runsForFlow(h, flowId);
      return r?.status === "resolved" ? r : undefined;
    });
    expect(settled.resolvedAt).not.toBeNull();
    const sent = await deliveriesForRun(h, settled.id);
    expect(sent.map((d) => [d.messageType, d.status, d.attempts]).sort()).toEqual([
      ["error", "delivered", 1],
      ["ok", "delivered", 1],
    ]);
    await receiver.close();
  });

  it("refuses a malformed alert with the zod issues, and a wrong token with 401", async () => {
    const receiver = await startReceiver();
    const integrationId = await webhook(h, "Hook 2", receiver.url);
    const graph = singleLevelGraph(integrationId);
    const { token } = await publishedFlow(h, "Validation", graph);
    const bad = await h.postAlert(token, { status: "broken" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("status");
    expect((await h.postAlert("af_not-a-token", errorAlert("x"))).status).toBe(401);
    await receiver.close();
  });
});
