import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runs } from "~/db/schema";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import {
  deliveriesForRun,
  errorAlert,
  eventually,
  okAlert,
  publishedFlow,
  runsForFlow,
  webhook,
} from "~/test-support/flow-fixtures";
import { twoLevelGraph } from "~/test-support/graph-builder";
import { bucketFacts, rawFacts, rolledUp, type FactScope } from "./run-facts";

/**
 * The hourly rollup (migration 0015) is kept by triggers on runs and deliveries. Real incidents go
 * through the worker, real receivers and the operator actions; after each step, every slice of
 * the rollup the insights read (workspace, flow, integration, flow and integration) must equal the
 * same facts computed from the runs and deliveries, read in the same snapshot.
 */
let h: Harness;
const receivers: Receiver[] = [];
let flowId = "";
let flakyId = "";
let pagerId = "";
let token = "";

beforeAll(async () => {
  h = await createHarness();
  await h.startWorker();
  // Busy once, then fine: a retried delivery, one message with two attempts.
  const flaky = await startReceiver((_req, index) =>
    index === 0 ? { status: 503, headers: { "Retry-After": "1" }, body: "busy" } : { status: 200, body: "ok" },
  );
  const pager = await startReceiver();
  receivers.push(flaky, pager);
  flakyId = await webhook(h, "Rollup chat", `${flaky.url}/hook`);
  pagerId = await webhook(h, "Rollup pager", `${pager.url}/hook`);
  ({ flowId, token } = await publishedFlow(
    h,
    "Rollup",
    twoLevelGraph([flakyId, pagerId], { level: 1, afterSeconds: 0 }, { level: 2, afterSeconds: 1 }),
  ));
});

afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await h?.close();
});

const HOUR_MS = 3_600_000;

/** Rollup and raw facts for the hours around now, one REPEATABLE READ snapshot for both. */
async function bothWays(scope: FactScope) {
  const start = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 2 * HOUR_MS;
  const window = { bucketMs: HOUR_MS, since: new Date(start), count: 4 };
  const span = { from: window.since, until: new Date(start + 4 * HOUR_MS) };
  return h.db.transaction(
    async (tx) => {
      const rolled = bucketFacts(window, [await rolledUp(tx, scope, span, window)]);
      const raw = bucketFacts(window, [await rawFacts(tx, scope, span, window)]);
      return { rolled, raw };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

async function expectRollupMatchesRaw() {
  const scopes: FactScope[] = [
    { workspaceId: h.workspaceId },
    { workspaceId: h.workspaceId, flowId },
    { workspaceId: h.workspaceId, integrationId: flakyId },
    { workspaceId: h.workspaceId, integrationId: pagerId },
    { workspaceId: h.workspaceId, flowId, integrationId: pagerId },
  ];
  for (const scope of scopes) {
    const { rolled, raw } = await bothWays(scope);
    // Sums of milliseconds are floats added in another order: equal to the microsecond.
    const rounded = (facts: typeof rolled) =>
      facts.buckets.map((b) => ({
        ...b.facts,
        mttaMsSum: Math.round(b.facts.mttaMsSum),
        mttrMsSum: Math.round(b.facts.mttrMsSum),
      }));
    expect(rounded(rolled), JSON.stringify(scope)).toEqual(rounded(raw));
  }
}

async function deliveredTo(runId: string, integrationId: string) {
  return eventually(async () => {
    const rows = await deliveriesForRun(h, runId);
    const row = rows.find((d) => d.integrationId === integrationId && d.status === "delivered");
    return row ?? undefined;
  }, 30_000);
}

describe("hourly rollup", () => {
  it("equals the raw runs and messages through real incidents, acknowledgements, resolutions and retries", async () => {
    // Incident 1: level 1 to the flaky receiver (retried once), level 2 to the pager a second later.
    await h.postAlert(token, errorAlert("rollup-1"));
    const first = await eventually(async () => (await runsForFlow(h, flowId))[0], 10_000, "run row");
    const retried = await deliveredTo(first.id, flakyId);
    expect(retried.attempts).toBe(2);
    await deliveredTo(first.id, pagerId);
    await expectRollupMatchesRaw();

    // Acknowledged by an operator, then resolved by the monitor.
    await h.api.runs.acknowledge({ runId: first.id });
    await expectRollupMatchesRaw();
    await h.postAlert(token, okAlert("rollup-1"));
    await eventually(async () => {
      const [row] = await h.db.select().from(runs).where(eq(runs.id, first.id));
      return row?.status === "resolved" ? row : undefined;
    });
    await expectRollupMatchesRaw();

    // Incident 2: resolved by an operator before level 2; incident 3 cancelled.
    await h.postAlert(token, errorAlert("rollup-2"));
    const second = await eventually(
      async () => (await runsForFlow(h, flowId)).find((r) => r.alertKey === "rollup-2"),
      10_000,
      "second run",
    );
    await deliveredTo(second.id, flakyId);
    await h.api.runs.resolve({ runId: second.id });
    await h.postAlert(token, errorAlert("rollup-3"));
    const third = await eventually(
      async () => (await runsForFlow(h, flowId)).find((r) => r.alertKey === "rollup-3"),
      10_000,
      "third run",
    );
    await h.api.runs.cancel({ runId: third.id });
    await eventually(async () => {
      const [row] = await h.db.select().from(runs).where(eq(runs.id, third.id));
      return row?.status === "cancelled" ? row : undefined;
    });
    await expectRollupMatchesRaw();

    const { rolled } = await bothWays({ workspaceId: h.workspaceId, flowId });
    expect(rolled.totals.resolved).toBeGreaterThanOrEqual(2);
    expect(rolled.totals.ackedRuns).toBeGreaterThanOrEqual(1);
    expect(rolled.totals.sent).toBeGreaterThanOrEqual(3);

    // A deleted run (retention) takes its share with it, messages and integrations included.
    await h.db.delete(runs).where(eq(runs.id, first.id));
    await expectRollupMatchesRaw();

    // The migration's backfill (a set-based recount) gives what the triggers kept.
    const kept = await bothWays({ workspaceId: h.workspaceId, flowId, integrationId: pagerId });
    await h.db.execute(sql`select alertflow_rollup_recount()`);
    const recounted = await bothWays({ workspaceId: h.workspaceId, flowId, integrationId: pagerId });
    expect(recounted.rolled.buckets.map((b) => b.facts.sent)).toEqual(kept.rolled.buckets.map((b) => b.facts.sent));
    await expectRollupMatchesRaw();
  });
});
