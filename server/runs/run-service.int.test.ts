import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveries, runEvents, runs, type RunStatus } from "~/db/schema";
import { normalizedAlertSchema } from "~/core/alerts/alert";
import { DomainError } from "~/core/domain-error";
import { errorAlert } from "~/test-support/flow-fixtures";
import { createHarness, type Harness } from "~/test-support/harness";
import type { ListRunsInput } from "./run-inputs";
import { actOnRun, getRun, listRuns, runStats } from "./run-service";
import { workspaceWithFlows } from "./run-test-fixtures";

/**
 * Rows are inserted straight into a workspace of their own, so the exact counts below hold
 * whatever other test files left in the shared database.
 */
let h: Harness;
let workspaceId: string;
const flowA = randomUUID();
const flowB = randomUUID();
const NOW = new Date("2025-06-15T12:30:00Z");

interface Seed {
  flowId: string;
  key: string;
  status: RunStatus;
  /** A Postgres timestamp literal, so microseconds survive. */
  createdAt: string;
}

let versions: Map<string, string>;

async function insertRuns(seeds: Seed[]) {
  const rows = await h.db
    .insert(runs)
    .values(
      seeds.map((s) => ({
        workspaceId,
        flowId: s.flowId,
        flowVersionId: versions.get(s.flowId) ?? "",
        alertKey: s.key,
        workflowId: `flow:${s.flowId}:alert:${s.key}`,
        status: s.status,
        firstErrorAt: sql`${s.createdAt}::timestamptz`,
        alert: normalizedAlertSchema.parse({ ...errorAlert(s.key, `${s.key} is down`), occurredAt: s.createdAt }),
        createdAt: sql`${s.createdAt}::timestamptz`,
      })),
    )
    .returning({ id: runs.id, key: runs.alertKey });
  return new Map(rows.map((r) => [r.key, r.id]));
}

let ids: Map<string, string>;

beforeAll(async () => {
  h = await createHarness();
  ({ workspaceId, versions } = await workspaceWithFlows(h.db, "Runs test", [
    [flowA, "Checkout"],
    [flowB, "Search"],
  ]));
  ids = await insertRuns([
    // Three runs inside one millisecond: a cursor rounded to milliseconds would lose some.
    { flowId: flowA, key: "checkout/a", status: "resolved", createdAt: "2025-06-15 12:00:00.123100+00" },
    { flowId: flowA, key: "checkout/b", status: "escalating", createdAt: "2025-06-15 12:00:00.123500+00" },
    { flowId: flowB, key: "search/a", status: "failed", createdAt: "2025-06-15 12:00:00.123900+00" },
    // Two runs at the very same instant: the id breaks the tie.
    { flowId: flowA, key: "checkout/c", status: "acknowledged", createdAt: "2025-06-15 11:10:00+00" },
    { flowId: flowB, key: "search/b", status: "escalating", createdAt: "2025-06-15 11:10:00+00" },
    { flowId: flowB, key: "50%_off", status: "cancelled", createdAt: "2025-06-15 09:45:00+00" },
    { flowId: flowA, key: "500_off", status: "resolved", createdAt: "2025-06-14 20:00:00+00" },
    { flowId: flowA, key: "checkout/old", status: "resolved", createdAt: "2025-06-01 08:00:00+00" },
  ]);
});

afterAll(async () => {
  await h?.close();
});

async function allPages(input: Omit<ListRunsInput, "limit" | "cursor">, limit: number) {
  const keys: string[] = [];
  let cursor: ListRunsInput["cursor"] = null;
  for (let page = 0; page < 20; page++) {
    const result = await listRuns({ db: h.db, workspaceId }, { ...input, limit, cursor });
    keys.push(...result.items.map((r) => r.alertKey));
    if (!result.nextCursor) return keys;
    cursor = result.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("listRuns", () => {
  it("lists newest first with the flow name and the alert summary", async () => {
    const { items, nextCursor } = await listRuns({ db: h.db, workspaceId }, { limit: 50 });
    expect(items).toHaveLength(8);
    expect(nextCursor).toBeNull();
    expect(items[0]).toMatchObject({
      alertKey: "search/a",
      flowName: "Search",
      status: "failed",
      summary: "search/a is down",
    });
    expect(items.at(-1)?.alertKey).toBe("checkout/old");
  });

  it("walks every run exactly once, page by page, across sub-millisecond and equal timestamps", async () => {
    const everything = (await listRuns({ db: h.db, workspaceId }, { limit: 50 })).items.map((r) => r.alertKey);
    for (const limit of [1, 2, 3]) expect(await allPages({}, limit)).toEqual(everything);
  });

  it("filters by flow, status and alert-key prefix, alone and together", async () => {
    expect(await allPages({ flowId: flowB }, 2)).toEqual(["search/a", "search/b", "50%_off"]);
    expect(await allPages({ status: "escalating" }, 1)).toEqual(["checkout/b", "search/b"]);
    expect(await allPages({ alertKey: "checkout/" }, 2)).toEqual([
      "checkout/b",
      "checkout/a",
      "checkout/c",
      "checkout/old",
    ]);
    expect(await allPages({ flowId: flowA, status: "resolved", alertKey: "check" }, 1)).toEqual([
      "checkout/a",
      "checkout/old",
    ]);
  });

  it("matches % and _ in a key prefix literally", async () => {
    expect(await allPages({ alertKey: "50%" }, 5)).toEqual(["50%_off"]);
    expect(await allPages({ alertKey: "50_" }, 5)).toEqual([]);
  });

  it("never shows another workspace's runs", async () => {
    const other = await listRuns({ db: h.db, workspaceId: h.workspaceId }, { limit: 200, flowId: flowA });
    expect(other.items).toEqual([]);
  });
});

describe("runStats", () => {
  it("counts runs per hour and status over the last 24 hours, and those escalating now", async () => {
    const stats = await runStats({ db: h.db, workspaceId }, { range: "24h" }, NOW);
    expect(stats.buckets).toHaveLength(24);
    expect(stats.buckets.at(-1)?.start).toEqual(new Date("2025-06-15T12:00:00Z"));
    const at = (iso: string) => stats.buckets.find((b) => b.start.getTime() === new Date(iso).getTime());
    expect(at("2025-06-15T12:00:00Z")).toMatchObject({ resolved: 1, escalating: 1, failed: 1 });
    expect(at("2025-06-15T11:00:00Z")).toMatchObject({ acknowledged: 1, escalating: 1 });
    expect(at("2025-06-14T20:00:00Z")).toMatchObject({ resolved: 1 });
    // checkout/old is two weeks old: outside the window.
    expect(stats.totals).toEqual({ escalating: 2, acknowledged: 1, resolved: 2, failed: 1, cancelled: 1 });
    expect(stats.escalatingNow).toBe(2);
  });

  it("follows the list's flow and key filters, and wider ranges reach further back", async () => {
    const flow = await runStats({ db: h.db, workspaceId }, { range: "24h", flowId: flowA, alertKey: "checkout" }, NOW);
    expect(flow.totals).toEqual({ escalating: 1, acknowledged: 1, resolved: 1, failed: 0, cancelled: 0 });
    expect(flow.escalatingNow).toBe(1);
    const month = await runStats({ db: h.db, workspaceId }, { range: "30d", flowId: flowA }, NOW);
    expect(month.buckets).toHaveLength(30);
    expect(month.totals.resolved).toBe(3);
  });
});

describe("getRun", () => {
  it("returns the header, the graph it ran and a timeline of events and deliveries in time order", async () => {
    const runId = ids.get("checkout/b") ?? "";
    await h.db.insert(runEvents).values([
      {
        runId,
        at: new Date("2025-06-15T12:00:00.200Z"),
        type: "alert.error",
        detail: { count: 1, summary: "Checkout API is down" },
      },
      {
        runId,
        at: new Date("2025-06-15T12:00:01Z"),
        type: "level.fired",
        level: 1,
        nodeId: "l1",
        detail: { mode: "duration" },
      },
    ]);
    await h.db.insert(deliveries).values({
      runId,
      nodeId: "hook",
      messageType: "error",
      level: 1,
      idempotencyKey: `${runId}:1:error:0:hook`,
      status: "failed",
      attempts: 6,
      statusCode: 503,
      latencyMs: 40,
      createdAt: new Date("2025-06-15T12:00:01Z"),
      request: { method: "POST", url: "http://hooks.example/x", headers: {}, body: "{}", steps: ["Send alert"] },
      response: { status: 503, headers: {}, body: "unavailable" },
    });
    const run = await getRun({ db: h.db, workspaceId }, runId);
    expect(run.flowName).toBe("Checkout");
    expect(run.version?.version).toBe(1);
    expect(run.actions).toEqual({ acknowledge: true, resolve: true, cancel: true });
    expect(run.timeline.map((e) => (e.kind === "event" ? e.event.type : `delivery:${e.delivery.status}`))).toEqual([
      "alert.error",
      "level.fired",
      "delivery:failed",
    ]);
    expect(run.highlights).toEqual({ l1: "fired", hook: "failed" });
  });

  it("is not found from another workspace", async () => {
    await expect(getRun({ db: h.db, workspaceId: h.workspaceId }, ids.get("checkout/b") ?? "")).rejects.toMatchObject({
      code: "NOT_FOUND",
      // The page says a run is gone, not just "it" (app/_components/use-server-error-text.ts).
      why: { reason: "notFound", values: { thing: "run" } },
    });
  });
});

describe("operator actions", () => {
  it("refuses to act on a run that is no longer open, and on runs it cannot see", async () => {
    const scope = { db: h.db, workspaceId, temporal: h.client };
    const closed = actOnRun(scope, ids.get("checkout/a") ?? "", "acknowledge", { by: "test", source: "api" });
    await expect(closed).rejects.toBeInstanceOf(DomainError);
    await expect(closed).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(actOnRun(scope, randomUUID(), "cancel", { by: "test", source: "api" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
