import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIdsKey, startSearchAttributes, WORKER_BUILD_ID } from "~/server/temporal-build-id";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { z } from "zod";
import { errorAlert, eventually, twoLevelWebhookFlow } from "~/test-support/flow-fixtures";

/**
 * A new incident's workflow starts with the `BuildIds` search attribute that Temporal would set
 * itself when the worker completes its first task, so that task changes nothing and costs no
 * visibility upsert (server/temporal-build-id.ts). Held for both ways an incident starts: opened
 * at the endpoint (started after the 202), and by signalWithStart.
 */
let opened: Harness;
let signalled: Harness;
let receiver: Receiver;

beforeAll(async () => {
  opened = await createHarness();
  signalled = await createHarness({ firstMessageAtIngress: false });
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await opened?.close();
  await signalled?.close();
});

const expected = startSearchAttributes.get(buildIdsKey);
const accepted = z.object({ accepted: z.tuple([z.object({ workflowId: z.string() })]) });

async function buildIdsOf(h: Harness, workflowId: string) {
  return (await h.client.workflow.getHandle(workflowId).describe()).typedSearchAttributes.get(buildIdsKey);
}

/** The workerVersion the first completed workflow task reported, once there is one. */
async function firstCompletedBuildId(h: Harness, workflowId: string) {
  const { events } = await h.client.workflow.getHandle(workflowId).fetchHistory();
  const completed = events?.find((e) => e.workflowTaskCompletedEventAttributes);
  return completed ? (completed.workflowTaskCompletedEventAttributes?.workerVersion?.buildId ?? "") : undefined;
}

async function expectNoChangeAtFirstTask(h: Harness, name: string) {
  const { token } = await twoLevelWebhookFlow(h, receiver.url, name, 60);
  // No worker yet: what the visibility record holds comes from the start alone.
  const response = await h.postAlert(token, errorAlert(name));
  expect(response.status).toBe(202);
  const { workflowId } = accepted.parse(response.json).accepted[0];
  const started = await eventually(
    () =>
      h.client.workflow
        .getHandle(workflowId)
        .describe()
        .catch(() => undefined),
    10_000,
    "workflow started",
  );
  const atStart = started.typedSearchAttributes.get(buildIdsKey);
  expect(atStart).toEqual(["unversioned", `unversioned:${WORKER_BUILD_ID}`]);
  const worker = await h.startWorker();
  try {
    expect(await eventually(() => firstCompletedBuildId(h, workflowId), 20_000, "first task")).toBe(WORKER_BUILD_ID);
    // Temporal's own value after the task (a different build id would have been appended).
    expect(await buildIdsOf(h, workflowId)).toEqual(atStart);
    expect(atStart).toEqual(expected);
  } finally {
    await worker.stop();
  }
}

describe("the BuildIds search attribute given at the start", () => {
  it("is the one Temporal keeps after the worker's first task, for an incident opened at the endpoint", async () => {
    await expectNoChangeAtFirstTask(opened, "build-ids-opened");
  });

  it("is the one Temporal keeps after the worker's first task, for an incident started by signalWithStart", async () => {
    await expectNoChangeAtFirstTask(signalled, "build-ids-signalled");
  });
});
