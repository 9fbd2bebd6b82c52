import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizedAlertSchema } from "~/core/alerts/alert";
import { compilePlan } from "~/core/flow/compile-plan";
import { deliveries, flows, flowVersions, integrations, runs, workspaces, type RunStatus } from "~/db/schema";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { runInsights } from "./run-insights";

/** Real rows in workspaces of their own: the figures below are worked out by hand from them. */
let h: Harness;
let workspaceId: string;
let otherWorkspaceId: string;
const flowA = randomUUID();
const flowB = randomUUID();
const flowOther = randomUUID();
let hookA = "";
let hookB = "";
const NOW = new Date("2025-06-15T12:30:00Z");

const graph = graphOf(
  [triggerNode("t"), levelNode("l1", { level: 1 }), integrationNode("hook", { integrationId: randomUUID() })],
  [edge("t", "out", "l1"), edge("l1", "out", "hook")],
);

const ts = (iso: string | null) => (iso ? sql`${iso}::timestamptz` : null);

async function insertRun(
  ws: string,
  flowId: string,
  run: { at: string; status: RunStatus; ackAt?: string; resolvedAt?: string },
  messages: { integrationId: string; status: "delivered" | "failed" | "pending"; latencyMs: number; at: string }[],
) {
  const [v] = await h.db.select({ id: flowVersions.id }).from(flowVersions).where(eq(flowVersions.flowId, flowId));
  const key = `k-${randomUUID()}`;
  const [row] = await h.db
    .insert(runs)
    .values({
      workspaceId: ws,
      flowId,
      flowVersionId: v?.id ?? "",
      alertKey: key,
      workflowId: `wf-${key}`,
      status: run.status,
      firstErrorAt: sql`${run.at}::timestamptz`,
      acknowledgedAt: ts(run.ackAt ?? null),
      resolvedAt: ts(run.resolvedAt ?? null),
      alert: normalizedAlertSchema.parse({ key, status: "error", summary: "", occurredAt: run.at }),
      createdAt: sql`${run.at}::timestamptz`,
    })
    .returning({ id: runs.id });
  for (const [i, m] of messages.entries()) {
    await h.db.insert(deliveries).values({
      runId: row?.id ?? "",
      integrationId: m.integrationId,
      nodeId: "hook",
      messageType: "error",
      level: 1,
      idempotencyKey: `${key}:${i}`,
      status: m.status,
      attempts: 1,
      latencyMs: m.latencyMs,
      createdAt: sql`${m.at}::timestamptz`,
    });
  }
}

beforeAll(async () => {
  h = await createHarness();
  const made = await h.db
    .insert(workspaces)
    .values([
      { name: "Insights", slug: `insights-${randomUUID()}` },
      { name: "Insights elsewhere", slug: `insights-other-${randomUUID()}` },
    ])
    .returning({ id: workspaces.id });
  workspaceId = made[0]?.id ?? "";
  otherWorkspaceId = made[1]?.id ?? "";
  for (const [id, ws] of [
    [flowA, workspaceId],
    [flowB, workspaceId],
    [flowOther, otherWorkspaceId],
  ] as const) {
    await h.db.insert(flows).values({ id, workspaceId: ws, name: id.slice(0, 8), draftGraph: graph });
    await h.db.insert(flowVersions).values({ flowId: id, version: 1, graph, plan: compilePlan(graph) });
  }
  const hooks = await h.db
    .insert(integrations)
    .values(
      ["Chat", "Pager"].map((name) => ({
        workspaceId,
        type: "webhook",
        name,
        variables: { ApiUrl: "https://x.test" },
      })),
    )
    .returning({ id: integrations.id });
  hookA = hooks[0]?.id ?? "";
  hookB = hooks[1]?.id ?? "";

  // Acknowledged after 2 min, resolved after 10; one message fine (100 ms), one failed (300 ms).
  await insertRun(
    workspaceId,
    flowA,
    {
      at: "2025-06-15 12:00:00+00",
      status: "resolved",
      ackAt: "2025-06-15 12:02:00+00",
      resolvedAt: "2025-06-15 12:10:00+00",
    },
    [
      { integrationId: hookA, status: "delivered", latencyMs: 100, at: "2025-06-15 12:00:01+00" },
      { integrationId: hookB, status: "failed", latencyMs: 300, at: "2025-06-15 12:05:00+00" },
    ],
  );
  // Still escalating: no MTTA or MTTR yet; a pending message is not counted.
  await insertRun(workspaceId, flowA, { at: "2025-06-15 11:00:00+00", status: "escalating" }, [
    { integrationId: hookA, status: "delivered", latencyMs: 200, at: "2025-06-15 11:00:01+00" },
    { integrationId: hookA, status: "pending", latencyMs: 9_000, at: "2025-06-15 11:20:00+00" },
  ]);
  // Acknowledged after 1 min.
  await insertRun(
    workspaceId,
    flowB,
    { at: "2025-06-15 10:00:00+00", status: "acknowledged", ackAt: "2025-06-15 10:01:00+00" },
    [{ integrationId: hookB, status: "delivered", latencyMs: 400, at: "2025-06-15 10:00:01+00" }],
  );
  // Two days old: outside 24 h, inside 7 days.
  await insertRun(workspaceId, flowB, { at: "2025-06-13 09:00:00+00", status: "cancelled" }, []);
  // Another workspace's busy incident changes nothing here.
  await insertRun(
    otherWorkspaceId,
    flowOther,
    {
      at: "2025-06-15 12:00:00+00",
      status: "resolved",
      ackAt: "2025-06-15 12:00:01+00",
      resolvedAt: "2025-06-15 12:00:02+00",
    },
    [{ integrationId: hookA, status: "failed", latencyMs: 1, at: "2025-06-15 12:00:01+00" }],
  );
});

afterAll(async () => {
  if (h) await h.db.delete(workspaces).where(eq(workspaces.id, otherWorkspaceId));
  await h?.close();
});

const scope = () => ({ db: h.db, workspaceId });

/** Percentiles come from latency buckets: within 9.1 % of percentile_cont (latency-buckets.ts). */
function expectNear(actual: number | null | undefined, exact: number) {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual ?? 0) - exact) / exact).toBeLessThanOrEqual(0.091);
}

describe("run insights", () => {
  it("gives the workspace's incidents, messages, latency percentiles, MTTA and MTTR over the window", async () => {
    const all = await runInsights(scope(), { range: "24h" }, NOW);
    expect(all.totals).toEqual({
      incidents: 3,
      acknowledged: 2,
      resolved: 1,
      sent: 3,
      failed: 1,
      latencyP50Ms: expect.any(Number),
      latencyP95Ms: expect.any(Number),
      mttaMs: 90_000,
      mttrMs: 600_000,
    });
    // percentile_cont over 100, 200, 300, 400 is 250 and 385; the latency buckets come within 9.1 %.
    expectNear(all.totals.latencyP50Ms, 250);
    expectNear(all.totals.latencyP95Ms, 385);
    expect(all.buckets).toHaveLength(24);
    const noon = all.buckets.find((b) => b.start.getTime() === Date.parse("2025-06-15T12:00:00Z"));
    expect(noon).toMatchObject({ incidents: 1, sent: 1, failed: 1, mttaMs: 120_000, mttrMs: 600_000 });
    const eleven = all.buckets.find((b) => b.start.getTime() === Date.parse("2025-06-15T11:00:00Z"));
    expect(eleven).toMatchObject({ incidents: 1, sent: 1, failed: 0, mttaMs: null, mttrMs: null });
    expectNear(eleven?.latencyP50Ms, 200);
    const quiet = all.buckets.find((b) => b.start.getTime() === Date.parse("2025-06-15T05:00:00Z"));
    expect(quiet).toMatchObject({ incidents: 0, sent: 0, latencyP50Ms: null, mttaMs: null });
    expect((await runInsights(scope(), { range: "7d" }, NOW)).totals.incidents).toBe(4);
  });

  it("narrows to one flow", async () => {
    const a = await runInsights(scope(), { range: "24h", flowId: flowA }, NOW);
    expect(a.totals).toMatchObject({ incidents: 2, sent: 2, failed: 1, mttaMs: 120_000 });
    expectNear(a.totals.latencyP50Ms, 200);
  });

  it("narrows to one integration: its messages, and the incidents that used it", async () => {
    const pager = await runInsights(scope(), { range: "24h", integrationId: hookB }, NOW);
    expect(pager.totals).toMatchObject({
      incidents: 2,
      sent: 1,
      failed: 1,
      mttaMs: 90_000,
      mttrMs: 600_000,
    });
    expectNear(pager.totals.latencyP50Ms, 350);
    const both = await runInsights(scope(), { range: "24h", integrationId: hookB, flowId: flowB }, NOW);
    expect(both.totals).toMatchObject({ incidents: 1, sent: 1, failed: 0, mttaMs: 60_000, mttrMs: null });
  });

  it("shows another workspace nothing of these", async () => {
    const other = await runInsights({ db: h.db, workspaceId: otherWorkspaceId }, { range: "24h", flowId: flowA }, NOW);
    expect(other.totals).toMatchObject({ incidents: 0, sent: 0, failed: 0, mttaMs: null });
  });
});
