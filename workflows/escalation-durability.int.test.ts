import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  edge,
  graphOf,
  integrationNode,
  levelNode,
  triggerNode,
  singleLevelGraph,
} from "../test-support/graph-builder";
import { compilePlan } from "../core/flow/compile-plan";
import { createHarness, type Harness } from "../test-support/harness";
import { startReceiver } from "../test-support/http-receiver";
import {
  errorAlert,
  eventually,
  messageOf,
  okAlert,
  publishedFlow,
  runsForFlow,
  webhook,
} from "../test-support/flow-fixtures";
import { alertEventSignal, INCIDENT_WORKFLOW, type EscalationInput, type EscalationSnapshot } from "./messages";

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  h = await createHarness();
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

const at = (path: string) => receiver.requests.filter((r) => r.url === path);

describe("durability", () => {
  it("continues as new before the history grows large, keeping its clock and fired levels", async () => {
    const worker = await h.startWorker();
    const id = await webhook(h, "Long", `${receiver.url}/long`);
    const graph = graphOf(
      [
        triggerNode("t"),
        levelNode("l1", { level: 1, afterSeconds: 0 }),
        levelNode("l2", { level: 2, afterSeconds: 4 }),
        integrationNode("i1", { integrationId: id }),
        integrationNode("i2", { integrationId: id }),
      ],
      [edge("t", "out", "l1"), edge("l1", "next", "l2"), edge("l1", "out", "i1"), edge("l2", "out", "i2")],
    );
    const { flowId } = await publishedFlow(h, "Long incident", graph);
    const flow = await h.api.flows.get({ flowId });
    const event = { alert: { ...normalized("long"), status: "error" as const }, receivedAt: new Date().toISOString() };
    const input: EscalationInput = {
      runId: randomUUID(),
      workspaceId: h.workspaceId,
      flowId,
      flowName: "Long incident",
      flowVersionId: flow.published?.id ?? "",
      alertKey: "long",
      plan: compilePlan(graph),
      firstEvent: event,
      // Low: incidentWorkflow records no patch markers, so its history grows by the signals alone.
      continueAsNewAfterEvents: 20,
    };
    const workflowId = `test-can-${randomUUID()}`;
    const handle = await h.client.workflow.signalWithStart(INCIDENT_WORKFLOW, {
      workflowId,
      taskQueue: h.taskQueue,
      args: [input],
      signal: alertEventSignal,
      signalArgs: [event],
    });
    const firstRunId = handle.signaledRunId;
    for (let i = 0; i < 30; i++)
      await handle.signal(alertEventSignal, { ...event, receivedAt: new Date().toISOString() });
    await eventually(
      async () => (at("/long").length === 2 ? true : undefined),
      20_000,
      "level 2 after continue-as-new",
    );
    const latest = h.client.workflow.getHandle(workflowId);
    const described = await latest.describe();
    expect(described.runId).not.toBe(firstRunId);
    const snap = await latest.query<EscalationSnapshot>("snapshot");
    expect(snap.errorCount).toBe(31);
    expect(snap.firedLevels).toEqual([1, 2]);
    expect(at("/long").map((r) => messageOf(r.json).level)).toEqual(["1", "2"]);
    await latest.signal(alertEventSignal, {
      alert: { ...event.alert, status: "ok" },
      receivedAt: new Date().toISOString(),
    });
    await latest.result();
    await worker.stop();
  });

  it("an error after the Ok opens a new incident", async () => {
    const worker = await h.startWorker();
    const id = await webhook(h, "Again", `${receiver.url}/again`);
    const graph = singleLevelGraph(id);
    const { flowId, token } = await publishedFlow(h, "Flapping", graph);
    await h.postAlert(token, errorAlert("flap"));
    await eventually(async () => (at("/again").length === 1 ? true : undefined));
    await h.postAlert(token, okAlert("flap"));
    await eventually(async () => ((await runsForFlow(h, flowId))[0]?.status === "resolved" ? true : undefined));
    await h.postAlert(token, errorAlert("flap"));
    await eventually(async () => (at("/again").length === 3 ? true : undefined));
    expect(at("/again").map((r) => messageOf(r.json).type)).toEqual(["Alert", "Ok", "Alert"]);
    const runs = await runsForFlow(h, flowId);
    expect(runs).toHaveLength(2);
    expect(runs.map((r) => r.status).sort()).toEqual(["escalating", "resolved"]);
    await worker.stop();
  });
});

function normalized(key: string) {
  return {
    key,
    status: "error" as const,
    summary: "Long incident",
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
