import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { deliveriesForRun, errorAlert, eventually, runsForFlow } from "~/test-support/flow-fixtures";
import { otherWorkspace } from "~/test-support/second-workspace";

/**
 * OUTBOUND_ALLOW_LIST is empty for this worker, as in production; the workspace's own list is
 * what an owner edits in Workspace settings, and the running worker must honour a change at once.
 */
let h: Harness;
let receiver: Receiver;
let owner: Awaited<ReturnType<typeof otherWorkspace>>["api"];
beforeAll(async () => {
  // The alert endpoint sends first messages under the same guard, with the same empty list.
  h = await createHarness({ endpointAllowList: [] });
  await h.startWorker({ allowList: [] });
  receiver = await startReceiver();
  ({ api: owner } = await otherWorkspace(h, "Allow-list"));
}, 60_000);
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

async function deliveryOf(flowId: string, key: string) {
  const run = await eventually(
    async () => (await runsForFlow(h, flowId)).find((r) => r.alertKey === key),
    15_000,
    `run ${key}`,
  );
  return eventually(
    async () => {
      const [row] = await deliveriesForRun(h, run.id);
      return row && row.status !== "pending" ? row : undefined;
    },
    30_000,
    `delivery of ${key}`,
  );
}

describe("the workspace's outbound allow-list", () => {
  it("refuses a loopback receiver until an owner allows it, then the same worker delivers", async () => {
    const hook = await owner.integrations.create({
      type: "webhook",
      name: "Loopback hook",
      variables: { ApiUrl: `${receiver.url}/hook` },
    });
    const { id: flowId } = await owner.flows.create({ name: "Loopback", graph: singleLevelGraph(hook.id) });
    await owner.flows.publish({ flowId, note: "" });
    const { token } = await owner.flows.createEndpoint({ flowId });

    expect((await h.postAlert(token, errorAlert("before"))).status).toBe(202);
    const refused = await deliveryOf(flowId, "before");
    expect(refused.status).toBe("failed");
    expect(refused.error).toContain("OUTBOUND_BLOCKED");
    expect(refused.error).toContain("Workspace settings");
    expect(receiver.requests).toHaveLength(0);

    const settings = await owner.workspace.settings();
    await owner.workspace.updateSettings({ ...settings, outboundAllowList: ["127.0.0.1"] });

    expect((await h.postAlert(token, errorAlert("after"))).status).toBe(202);
    const delivered = await deliveryOf(flowId, "after");
    expect(delivered).toMatchObject({ status: "delivered", statusCode: 200 });
    expect(receiver.requests).toHaveLength(1);
  }, 90_000);

  it("refuses a stored secret URL (Slack's WebhookUrl) on a loopback address once it is off the list", async () => {
    const slackReceiver = await startReceiver();
    try {
      const slack = await owner.integrations.create({
        type: "slack",
        name: "Loopback Slack",
        secrets: { WebhookUrl: `${slackReceiver.url}/services/T0/B0/SECRET` },
      });
      const { id: flowId } = await owner.flows.create({ name: "Loopback Slack", graph: singleLevelGraph(slack.id) });
      await owner.flows.publish({ flowId, note: "" });
      const { token } = await owner.flows.createEndpoint({ flowId });
      // The entry the first test added goes: the secret URL saved while it was allowed is checked again at send.
      const settings = await owner.workspace.settings();
      await owner.workspace.updateSettings({ ...settings, outboundAllowList: [] });

      expect((await h.postAlert(token, errorAlert("secret-url"))).status).toBe(202);
      const refused = await deliveryOf(flowId, "secret-url");
      expect(refused.status).toBe("failed");
      expect(refused.error).toContain("OUTBOUND_BLOCKED");
      expect(refused.error).not.toContain("SECRET");
      expect(slackReceiver.requests).toHaveLength(0);
    } finally {
      await slackReceiver.close();
    }
  }, 90_000);
});
