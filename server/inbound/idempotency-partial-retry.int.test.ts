import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incidentInboxes } from "~/db/schema";
import {
  errorAlert,
  eventually,
  okAlert,
  publishedFlow,
  runsForFlow,
  terminateWorkflows,
  webhook,
} from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { postKeyedAlert } from "~/test-support/keyed-alert-post";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { unreachableTemporal, type UnreachableTemporal } from "~/test-support/unreachable-temporal";
import { restartOpenedIncidents } from "./incident-inbox";
import { workflowIdFor } from "./incident-id";

/**
 * A request with an Idempotency-Key whose first alert opened its incident (and sent its first
 * message) while the second found Temporal down: the answer is 503, and the sender retries. The
 * retry must carry on from there, not open the first alert's incident again. Real Postgres,
 * Temporal, worker and receiver; the first attempt's Temporal is a port nothing listens on.
 */
let h: Harness;
let receiver: Receiver;
let unreachable: UnreachableTemporal;
let stopWorker: () => Promise<void> = () => Promise.resolve();
beforeAll(async () => {
  h = await createHarness();
  ({ stop: stopWorker } = await h.startWorker());
  receiver = await startReceiver();
  unreachable = unreachableTemporal();
});
const workflowIds: string[] = [];
afterAll(async () => {
  if (h) await terminateWorkflows(h, workflowIds);
  await unreachable?.close();
  await stopWorker();
  await receiver?.close();
  await h?.close();
});

describe("a retry after a 503 that came once some alerts were dispatched", () => {
  it("dispatches only the alerts that did not go: no second incident, no second first message", async () => {
    const hook = await webhook(h, "Partial", `${receiver.url}/partial`);
    const { flowId, token } = await publishedFlow(h, "Partial 503", singleLevelGraph(hook));
    const down = `down-${randomUUID()}`;
    const workflowId = workflowIdFor(flowId, down);
    workflowIds.push(workflowId);
    // The error opens its incident at the endpoint; the Ok of another key needs Temporal.
    const body = JSON.stringify([errorAlert(down), okAlert(`other-${randomUUID()}`)]);
    const key = randomUUID();

    const first = await postKeyedAlert(unreachable.inbound(h.inbound), token, body, key);
    expect(first.status).toBe(503);
    await receiver.waitFor(1, 15_000);

    // The worker's re-start job starts the incident (its wait is shortened here), then an Ok closes it.
    await h.db
      .update(incidentInboxes)
      .set({ createdAt: sql`now() - interval '1 minute'` })
      .where(eq(incidentInboxes.workflowId, workflowId));
    const deps = { db: h.db, temporal: h.client, taskQueue: h.taskQueue };
    expect(await restartOpenedIncidents(deps, { workflowIds: [workflowId] })).toEqual({
      started: 1,
      temporalUnavailable: false,
    });
    expect((await h.postAlert(token, okAlert(down))).status).toBe(202);
    await eventually(
      async () => ((await runsForFlow(h, flowId))[0]?.status === "resolved" ? true : undefined),
      30_000,
      "incident resolved",
    );
    // Its Ok message too, once it is out.
    await receiver.waitFor(2, 15_000);
    const sent = receiver.requests.length;

    // The sender's retry, Temporal back: the error already went, only the Ok goes now.
    const retry = await postKeyedAlert(h.inbound, token, body, key);
    expect(retry.status).toBe(202);
    expect(retry.json).toMatchObject({
      accepted: [{ status: "error" }, { status: "ok", outcome: "no_open_incident" }],
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await runsForFlow(h, flowId)).toHaveLength(1);
    expect(receiver.requests).toHaveLength(sent);

    // From now on the key replays that answer.
    const again = await postKeyedAlert(h.inbound, token, body, key);
    expect(again).toEqual({ ...retry, replayed: "true" });
  }, 120_000);
});
