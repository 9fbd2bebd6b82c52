import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minimalAlert } from "~/core/alerts/alert";
import type { RecordedRunEvent } from "~/core/escalation/run-event";
import { incidentInboxes, runEvents, runs } from "~/db/schema";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { publishedFlow, webhook } from "~/test-support/flow-fixtures";
import { writeRunRecord } from "./run-records";
import type { OpenRunInput } from "./types";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

async function openInput(name: string): Promise<OpenRunInput> {
  const integrationId = await webhook(h, name, "http://127.0.0.1:9/unused");
  const { flowId } = await publishedFlow(h, name, singleLevelGraph(integrationId));
  const flowVersionId = (await h.api.flows.get({ flowId })).published?.id ?? "";
  const runId = randomUUID();
  return {
    runId,
    workspaceId: h.workspaceId,
    flowId,
    flowVersionId,
    alertKey: `k-${runId}`,
    workflowId: `wf-${runId}`,
    temporalRunId: `temporal-${runId}`,
    firstErrorAt: new Date().toISOString(),
    alert: minimalAlert({ key: "k", status: "error", summary: "s\u0000", occurredAt: new Date().toISOString() }),
    openInbox: true,
  };
}

const fired = (level: number): RecordedRunEvent => ({
  id: randomUUID(),
  type: "level.fired",
  at: new Date().toISOString(),
  level,
  nodeId: `node-${level}`,
  detail: { mode: "duration" },
});

const error = (count: number): RecordedRunEvent => ({
  id: randomUUID(),
  type: "alert.error",
  at: new Date().toISOString(),
  detail: { count, summary: `error ${count}` },
});

const eventsOf = (runId: string) =>
  h.db.select().from(runEvents).where(eq(runEvents.runId, runId)).orderBy(asc(runEvents.at), asc(runEvents.type));

describe("the run record's one statement", () => {
  it("opens the run with its inbox and first events, and a repeat stores nothing twice", async () => {
    const open = await openInput("Run record open");
    const record = { runId: open.runId, open: { ...open, currentLevel: 1 }, events: [error(1), fired(1)] };
    await writeRunRecord(h.db, record);
    await writeRunRecord(h.db, record);
    const [run] = await h.db.select().from(runs).where(eq(runs.id, open.runId));
    expect(run).toMatchObject({ temporalRunId: open.temporalRunId, currentLevel: 1, status: "escalating" });
    // A NUL is not storable in jsonb: replaced, as drizzle's column does.
    expect(run?.alert.summary).toBe("s\ufffd");
    const events = await eventsOf(open.runId);
    expect(events.map((e) => [e.type, e.level, e.nodeId, e.detail])).toEqual([
      ["alert.error", null, null, { count: 1, summary: "error 1" }],
      ["level.fired", 1, "node-1", { mode: "duration" }],
    ]);
    const [inbox] = await h.db.select().from(incidentInboxes).where(eq(incidentInboxes.id, open.runId));
    expect(inbox).toMatchObject({ workflowId: open.workflowId, closedAt: null });
  });

  it("gives an endpoint-opened run its Temporal run id, clears the inbox's start input and closes a stale open inbox", async () => {
    const stale = await openInput("Run record stale inbox");
    await writeRunRecord(h.db, { runId: stale.runId, open: { ...stale, temporalRunId: "old" }, events: [] });
    // The endpoint's claim: the run without a Temporal run id, its inbox holding the start input,
    // under the same workflow id as an inbox left open (its workflow terminated by hand).
    const open = { ...(await openInput("Run record claim")), workflowId: stale.workflowId };
    await h.db.insert(runs).values({ ...open, id: open.runId, temporalRunId: null, firstErrorAt: new Date() });
    await h.db.update(incidentInboxes).set({ closedAt: null }).where(eq(incidentInboxes.id, stale.runId));
    await writeRunRecord(h.db, { runId: open.runId, open, events: [fired(1)] });
    const [staleInbox] = await h.db.select().from(incidentInboxes).where(eq(incidentInboxes.id, stale.runId));
    expect(staleInbox?.closedAt).not.toBeNull();
    const [inbox] = await h.db.select().from(incidentInboxes).where(eq(incidentInboxes.id, open.runId));
    expect(inbox).toMatchObject({ workflowId: open.workflowId, closedAt: null });
    const [run] = await h.db.select().from(runs).where(eq(runs.id, open.runId));
    expect(run?.temporalRunId).toBe(open.temporalRunId);
    // A later opening write keeps the first Temporal run id.
    await writeRunRecord(h.db, { runId: open.runId, open: { ...open, temporalRunId: "later" }, events: [] });
    const [again] = await h.db.select().from(runs).where(eq(runs.id, open.runId));
    expect(again?.temporalRunId).toBe(open.temporalRunId);
  });

  it("writes the level and resolution of an open run with its events, and a status through its checked writer", async () => {
    const open = await openInput("Run record patch");
    await writeRunRecord(h.db, { runId: open.runId, open, events: [] });
    await writeRunRecord(h.db, { runId: open.runId, currentLevel: 2, events: [fired(2)] });
    // An opening write with a level (the first flush) sets it on the existing row too.
    await writeRunRecord(h.db, { runId: open.runId, open, currentLevel: 3, events: [] });
    const [run] = await h.db.select().from(runs).where(eq(runs.id, open.runId));
    expect(run?.currentLevel).toBe(3);
    const resolvedAt = new Date().toISOString();
    await writeRunRecord(h.db, { runId: open.runId, status: "resolved", resolvedAt, events: [error(2)] });
    // A finished run never changes status again.
    await writeRunRecord(h.db, { runId: open.runId, status: "failed", events: [] });
    const [ended] = await h.db.select().from(runs).where(eq(runs.id, open.runId));
    expect(ended).toMatchObject({ status: "resolved", resolvedAt: new Date(resolvedAt), currentLevel: 3 });
    expect((await eventsOf(open.runId)).map((e) => e.type)).toEqual(["level.fired", "alert.error"]);
  });
});
