import { afterAll, beforeAll, expect, it } from "vitest";
import { errorAlert, eventually, publishedFlow, runsForFlow, webhook } from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver } from "~/test-support/http-receiver";
import { INCIDENT_WORKFLOW } from "~/workflows/messages";
import { workflowIdFor } from "./incident-id";

/**
 * A new incident the endpoint does not open itself goes through Temporal's signalWithStart: it
 * starts the same type as the ones it opens (no patch markers in its first task) and runs.
 */
let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  h = await createHarness({ firstMessageAtIngress: false });
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

it("an error for a new incident starts incidentWorkflow by signalWithStart, which sends its message", async () => {
  const hook = await webhook(h, "signal-with-start", `${receiver.url}/sws`);
  const { flowId, token } = await publishedFlow(h, "signal-with-start", singleLevelGraph(hook));
  const worker = await h.startWorker();
  const { status, json } = await h.postAlert(token, errorAlert("sws"));
  expect(status).toBe(202);
  expect(json).toMatchObject({ accepted: [{ outcome: "signaled" }] });
  const handle = h.client.workflow.getHandle(workflowIdFor(flowId, "sws"));
  const [started] = (await handle.fetchHistory()).events ?? [];
  expect(started?.workflowExecutionStartedEventAttributes?.workflowType?.name).toBe(INCIDENT_WORKFLOW);
  await eventually(async () => (receiver.requests.some((r) => r.url === "/sws") ? true : undefined));
  await eventually(async () => ((await runsForFlow(h, flowId)).length === 1 ? true : undefined));
  await handle.terminate("test done");
  await worker.stop();
});
