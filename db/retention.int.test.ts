import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minimalAlert } from "~/core/alerts/alert";
import type { RunStatus } from "~/core/escalation/run-status";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { publishedFlow, webhook } from "~/test-support/flow-fixtures";
import { deleteExpiredRuns } from "./retention";
import { runEventRow } from "./run-event-rows";
import { deliveries, runEvents, runs, workspaces } from "./schema";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  // The default workspace is shared with the other test files: put its setting back.
  await h?.db.update(workspaces).set({ retentionDays: 90 }).where(eq(workspaces.id, h.workspaceId));
  await h?.close();
});

const DAY_MS = 24 * 60 * 60 * 1000;

describe("retention", () => {
  it("deletes finished runs older than the workspace's setting, in batches, with their events and deliveries", async () => {
    const integrationId = await webhook(h, "Retention", "http://127.0.0.1:9/unused");
    const { flowId } = await publishedFlow(h, "Retention", singleLevelGraph(integrationId));
    const flow = await h.api.flows.get({ flowId });
    const flowVersionId = flow.published?.id ?? "";
    await h.db.update(workspaces).set({ retentionDays: 30 }).where(eq(workspaces.id, h.workspaceId));

    const insertRun = async (ageDays: number, status: RunStatus) => {
      const id = randomUUID();
      const began = new Date(Date.now() - ageDays * DAY_MS);
      await h.db.insert(runs).values({
        id,
        workspaceId: h.workspaceId,
        flowId,
        flowVersionId,
        alertKey: `k-${id}`,
        workflowId: `wf-${id}`,
        temporalRunId: randomUUID(),
        firstErrorAt: began,
        createdAt: began,
        status,
        alert: minimalAlert({ key: "k", status: "error", summary: "old", occurredAt: began.toISOString() }),
      });
      await h.db
        .insert(runEvents)
        .values(runEventRow(id, { id: randomUUID(), type: "cancelled", at: began.toISOString(), detail: {} }));
      await h.db.insert(deliveries).values({
        runId: id,
        nodeId: "i1",
        messageType: "error",
        level: 1,
        idempotencyKey: `${id}:1:error:0:i1`,
      });
      return id;
    };
    const expired = await Promise.all([
      insertRun(45, "resolved"),
      insertRun(31, "failed"),
      insertRun(400, "cancelled"),
    ]);
    const kept = await Promise.all([
      insertRun(29, "resolved"), // younger than the setting
      insertRun(200, "escalating"), // still open, however old
      insertRun(100, "acknowledged"),
    ]);

    // Batches of one: the loop must go on until a batch comes back short. Other test files share
    // this database and may leave old finished runs of their own, so ours are checked by id below.
    expect(await deleteExpiredRuns(h.db, { batchSize: 1 })).toBeGreaterThanOrEqual(3);
    const left = await h.db
      .select({ id: runs.id })
      .from(runs)
      .where(inArray(runs.id, [...expired, ...kept]));
    expect(left.map((r) => r.id).sort()).toEqual([...kept].sort());
    expect(await h.db.select().from(runEvents).where(inArray(runEvents.runId, expired))).toHaveLength(0);
    expect(await h.db.select().from(deliveries).where(inArray(deliveries.runId, expired))).toHaveLength(0);
    expect(await h.db.select().from(deliveries).where(inArray(deliveries.runId, kept))).toHaveLength(3);
    expect(await deleteExpiredRuns(h.db)).toBe(0);
  });
});
