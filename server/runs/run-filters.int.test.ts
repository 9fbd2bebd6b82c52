import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizedAlertSchema, type NormalizedAlert } from "~/core/alerts/alert";
import { runs, workspaces, type RunStatus } from "~/db/schema";
import { createHarness, type Harness } from "~/test-support/harness";
import { callerFor } from "~/test-support/second-workspace";
import type { ListRunsInput } from "./run-inputs";
import { listRuns, runStats } from "./run-service";
import { workspaceWithFlows } from "./run-test-fixtures";

/** Real rows in a workspace of their own; every filter is applied by Postgres. */
let h: Harness;
let workspaceId: string;
let otherWorkspaceId: string;
const flowA = randomUUID();
const flowB = randomUUID();
const NOW = new Date("2025-06-15T12:30:00Z");

interface Seed {
  workspace?: "other";
  flowId: string;
  key: string;
  status: RunStatus;
  createdAt: string;
  summary?: string;
  description?: string;
  monitor?: string;
  labels?: Record<string, string>;
}

const SEEDS: Seed[] = [
  {
    flowId: flowA,
    key: "checkout/host-12",
    status: "escalating",
    createdAt: "2025-06-15 12:00:00+00",
    summary: "Checkout API is down",
    monitor: "Payment Gateway EU",
    labels: { service: "checkout", env: "prod" },
  },
  {
    flowId: flowA,
    key: "checkout/host-3",
    status: "resolved",
    createdAt: "2025-06-15 10:00:00+00",
    summary: "Checkout slow",
    description: "p95 above 2 s; disk full on db-7 since 09:58",
    labels: { service: "checkout", env: "staging" },
  },
  {
    flowId: flowB,
    key: "search/eu",
    status: "acknowledged",
    createdAt: "2025-06-15 08:00:00+00",
    summary: "Search 100% errors",
    labels: { service: "search", env: "prod" },
  },
  {
    flowId: flowB,
    key: "search/us",
    status: "resolved",
    createdAt: "2025-06-14 08:00:00+00",
    summary: "Search index stale",
    monitor: "Indexer",
    labels: { service: "search", env: "prod", team: "discovery" },
  },
  // Another workspace, matching every text below: must never show.
  {
    workspace: "other",
    flowId: flowA,
    key: "checkout/host-12",
    status: "escalating",
    createdAt: "2025-06-15 12:00:00+00",
    summary: "Checkout API is down; disk full; Search 100% errors",
    monitor: "Payment Gateway EU",
    labels: { service: "checkout", env: "prod" },
  },
];

function alertOf(s: Seed): NormalizedAlert {
  return normalizedAlertSchema.parse({
    key: s.key,
    status: "error",
    summary: s.summary ?? "",
    description: s.description ?? "",
    labels: s.labels ?? {},
    monitor: { name: s.monitor ?? "" },
    occurredAt: s.createdAt,
  });
}

beforeAll(async () => {
  h = await createHarness();
  const made = await workspaceWithFlows(h.db, "Run filters", [
    [flowA, "Checkout"],
    [flowB, "Search"],
  ]);
  workspaceId = made.workspaceId;
  const { versions } = made;
  otherWorkspaceId = (await workspaceWithFlows(h.db, "Run filters elsewhere", [])).workspaceId;
  await h.db.insert(runs).values(
    SEEDS.map((s) => ({
      workspaceId: s.workspace === "other" ? otherWorkspaceId : workspaceId,
      flowId: s.flowId,
      flowVersionId: versions.get(s.flowId) ?? "",
      alertKey: s.key,
      workflowId: `flow:${s.flowId}:alert:${s.key}`,
      status: s.status,
      firstErrorAt: sql`${s.createdAt}::timestamptz`,
      alert: alertOf(s),
      createdAt: sql`${s.createdAt}::timestamptz`,
    })),
  );
});

afterAll(async () => {
  if (h) await h.db.delete(workspaces).where(eq(workspaces.id, otherWorkspaceId));
  await h?.close();
});

const keys = async (filters: Omit<ListRunsInput, "limit">) =>
  (await listRuns({ db: h.db, workspaceId }, { limit: 50, ...filters })).items.map((r) => r.alertKey);

describe("free text over alert fields", () => {
  it("finds the text in the monitor name, key, summary or description, in any case", async () => {
    expect(await keys({ q: "payment gateway" })).toEqual(["checkout/host-12"]);
    expect(await keys({ q: "HOST-1" })).toEqual(["checkout/host-12"]);
    expect(await keys({ q: "index stale" })).toEqual(["search/us"]);
    expect(await keys({ q: "Disk Full On DB-7" })).toEqual(["checkout/host-3"]);
    expect(await keys({ q: "checkout" })).toEqual(["checkout/host-12", "checkout/host-3"]);
    expect(await keys({ q: "nothing like this" })).toEqual([]);
  });

  it("takes % and _ literally", async () => {
    expect(await keys({ q: "100%" })).toEqual(["search/eu"]);
    expect(await keys({ q: "host_1" })).toEqual([]);
  });
});

describe("labels", () => {
  it("keeps the runs whose alert carries every label given", async () => {
    expect(await keys({ labels: [{ key: "env", value: "prod" }] })).toEqual([
      "checkout/host-12",
      "search/eu",
      "search/us",
    ]);
    expect(
      await keys({
        labels: [
          { key: "service", value: "search" },
          { key: "team", value: "discovery" },
        ],
      }),
    ).toEqual(["search/us"]);
    expect(await keys({ labels: [{ key: "env", value: "Prod" }] })).toEqual([]);
  });
});

describe("time range, and every filter together", () => {
  it("keeps runs created in [from, to)", async () => {
    expect(await keys({ from: "2025-06-15T08:00:00Z", to: "2025-06-15T12:00:00Z" })).toEqual([
      "checkout/host-3",
      "search/eu",
    ]);
    expect(await keys({ from: "2025-06-15T09:00:00+01:00" })).toEqual([
      "checkout/host-12",
      "checkout/host-3",
      "search/eu",
    ]);
  });

  it("combines flow, status, text, labels and time", async () => {
    expect(
      await keys({
        flowId: flowB,
        status: "resolved",
        q: "search",
        labels: [{ key: "env", value: "prod" }],
        from: "2025-06-01T00:00:00Z",
        to: "2025-06-15T00:00:00Z",
      }),
    ).toEqual(["search/us"]);
    expect(await keys({ flowId: flowA, q: "search" })).toEqual([]);
  });

  it("gives the chart the same runs as the list", async () => {
    const stats = await runStats(
      { db: h.db, workspaceId },
      { range: "24h", q: "checkout", labels: [{ key: "env", value: "prod" }] },
      NOW,
    );
    expect(stats.totals).toEqual({ escalating: 1, acknowledged: 0, resolved: 0, failed: 0, cancelled: 0 });
  });
});

describe("bad filters", () => {
  it("are refused with a 400 naming the field, through the API", async () => {
    const api = callerFor(h, workspaceId, "viewer");
    const refused = async (input: Parameters<typeof api.runs.list>[0]) => {
      const error = await api.runs.list(input).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      return error instanceof TRPCError ? { code: error.code, message: error.message } : null;
    };
    expect(await refused({ labels: [{ key: "", value: "x" }] })).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("labels"),
    });
    expect(await refused({ from: "yesterday" })).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("from"),
    });
    expect(await refused({ q: "x".repeat(201) })).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("q"),
    });
  });
});
