import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { closeDatabase, reopenDatabase } from "~/test-support/database-outage";
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

const OUTAGE_MS = 3_000;
const databaseUrl = testDatabaseUrl();

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let reopen: () => void = () => undefined;
/** Settles once the receiver has brought the database back. */
const outageOver = new Promise<void>((resolve) => (reopen = resolve));
beforeAll(async () => {
  h = await createHarness();
  await h.startWorker();
  // The receiver takes the database down while the message is with it, answers 200, and brings
  // the database back a few seconds later: the worker must record that 200 once it can.
  receiver = await startReceiver(async (_req, index) => {
    if (index === 0) {
      await closeDatabase(databaseUrl);
      setTimeout(() => void reopenDatabase(databaseUrl).then(reopen), OUTAGE_MS);
    }
    return { status: 200, body: "ok" };
  });
});
/** The run under test; ended in afterAll too, so that a failed check leaves no workflow running. */
let workflowId: string | undefined;
afterAll(async () => {
  await reopenDatabase(databaseUrl);
  if (workflowId)
    await h.client.workflow
      .getHandle(workflowId)
      .terminate("test done")
      .catch(() => undefined);
  await receiver?.close();
  await h?.close();
});

describe("a database outage while a message is out", () => {
  it("keeps the worker alive and records the receiver's answer once the database is back", async () => {
    const id = await webhook(h, "Outage", `${receiver.url}/outage`);
    const { flowId, token } = await publishedFlow(h, "Outage", singleLevelGraph(id));
    await h.postAlert(token, errorAlert("outage"));
    await receiver.waitFor(1, 20_000);
    await outageOver;

    const run = await eventually(async () => (await runsForFlow(h, flowId))[0], 20_000, "run row");
    workflowId = run.workflowId;
    const delivery = await eventually(async () => {
      const [row] = await deliveriesForRun(h, run.id);
      return row?.status === "pending" ? undefined : row;
    }, 20_000);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, statusCode: 200 });
    // Not sent again: the answer was kept through the outage rather than lost and retried.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(receiver.requests).toHaveLength(1);
  });
});
