import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { incidentInboxes } from "~/db/schema";
import { errorAlert, publishedFlow, terminateWorkflows, webhook } from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { startInboxRepokeJob } from "./inbox-repoke-job";
import { unreachableTemporal, type UnreachableTemporal } from "~/test-support/unreachable-temporal";
import { handleAlertRequest } from "~/server/inbound/handle-alert-request";
import { restartOpenedIncidents } from "~/server/inbound/incident-inbox";
import { workflowIdFor } from "~/server/inbound/incident-id";

/**
 * The worker's re-start job, on real Postgres and Temporal with no worker polling: the incidents'
 * workflows are started and never run, as while the workers are busy or down.
 */
let h: Harness;
let unreachable: UnreachableTemporal;
beforeAll(async () => {
  h = await createHarness();
  unreachable = unreachableTemporal();
});
const workflowIds: string[] = [];
afterAll(async () => {
  if (h) await terminateWorkflows(h, workflowIds);
  await unreachable?.close();
  await h?.close();
});

/** An incident the endpoint opened while Temporal was unreachable: its row keeps the workflow's input. */
async function openedWithoutStart() {
  const hook = await webhook(h, `Restart ${randomUUID()}`, "http://127.0.0.1:9/unused");
  const { flowId, token } = await publishedFlow(h, `Restart ${randomUUID()}`, singleLevelGraph(hook));
  const alertKey = `restart-${randomUUID()}`;
  const workflowId = workflowIdFor(flowId, alertKey);
  workflowIds.push(workflowId);
  const answer = await handleAlertRequest(
    unreachable.inbound(h.inbound),
    token,
    new Request(`http://localhost/api/alerts/${token}`, { method: "POST", body: JSON.stringify(errorAlert(alertKey)) }),
  );
  expect(answer.status).toBe(202);
  const mine = eq(incidentInboxes.workflowId, workflowId);
  // Past the job's wait, so its next pass takes it.
  await h.db
    .update(incidentInboxes)
    .set({ createdAt: sql`now() - interval '1 minute'` })
    .where(mine);
  const [row] = await h.db.select().from(incidentInboxes).where(mine);
  if (!row?.startInput) throw new Error("the endpoint kept no start input");
  return { workflowId, mine, startInput: row.startInput };
}

async function alertSignals(workflowId: string): Promise<number> {
  const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === "alertEvent")
    .length;
}

const deps = () => ({ db: h.db, temporal: h.client, taskQueue: h.taskQueue });

describe("the re-start job", () => {
  it("starts an incident once among concurrent workers, and never signals its own not-yet-running workflow", async () => {
    const { workflowId, mine, startInput } = await openedWithoutStart();
    // A start that went through but whose answer was lost (its deadline passed): the workflow
    // exists, not yet run by any worker, and the row still holds the input.
    const only = { workflowIds: [workflowId] };
    expect((await restartOpenedIncidents(deps(), only)).started).toBe(1);
    await h.db.update(incidentInboxes).set({ startInput, startTriedAt: null }).where(mine);

    // Two workers' passes at once, then more passes once the retry wait is over.
    const passes = await Promise.all([restartOpenedIncidents(deps(), only), restartOpenedIncidents(deps(), only)]);
    expect(passes.reduce((sum, pass) => sum + pass.started, 0)).toBe(1);
    for (let i = 0; i < 3; i++) {
      await h.db.update(incidentInboxes).set({ startTriedAt: null }).where(mine);
      expect(await restartOpenedIncidents(deps(), only)).toEqual({ started: 0, temporalUnavailable: false });
    }
    const [row] = await h.db.select().from(incidentInboxes).where(mine);
    expect(row?.startInput).toBeNull();
    expect(await alertSignals(workflowId)).toBe(0);
  });

  it("says once that Temporal is unavailable, however many passes fail, and tries each incident at most every few seconds", async () => {
    const { workflowId, mine } = await openedWithoutStart();
    const warn = vi.spyOn(console, "warn");
    const stop = startInboxRepokeJob({ ...deps(), temporal: unreachable.client }, { everyMs: 100 });
    try {
      // Long enough for two tries of the row (1.5 s each to give up, 5 s apart) and many passes.
      await new Promise((resolve) => setTimeout(resolve, 8_000));
    } finally {
      stop();
    }
    const lines = warn.mock.calls.map((call) => call.join(" "));
    warn.mockRestore();
    // Other files' incidents share this database and the job's passes; only this one's lines count,
    // and only the job's (the endpoint's own start, tried once, says it left the incident to the job).
    const jobs = lines.filter((line) => !line.startsWith("inbound:"));
    expect(jobs.filter((line) => line.startsWith("inbox:") || line.includes(workflowId))).toEqual([
      "inbox: Temporal is unavailable; opened incidents are started once it answers",
    ]);
    const [row] = await h.db.select().from(incidentInboxes).where(mine);
    expect(row?.startInput).not.toBeNull();

    // Temporal back: the next pass past the wait starts it.
    await h.db.update(incidentInboxes).set({ startTriedAt: null }).where(mine);
    expect((await restartOpenedIncidents(deps(), { workflowIds: [workflowId] })).started).toBe(1);
  }, 30_000);
});
