import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { bareRunValues, eventually, publishedFlow, webhook } from "~/test-support/flow-fixtures";
import { runEvents, runs } from "./schema";

/**
 * The live-update notices the run triggers send (migrations 0011, 0026): every change to a run or
 * to its children (timeline, messages, attempts) is announced on `alertflow_runs` with the run's
 * state at that statement; a child written in a transaction that wrote its run sends nothing of
 * its own (the run's trigger sent that same notice), and a statement over more than 100 runs
 * sends one notice per workspace.
 */
let h: Harness;
let listener: pg.Client;
const notices: unknown[] = [];
let insertRuns: (count: number, tx?: Pick<Harness["db"], "insert">) => Promise<string[]>;

beforeAll(async () => {
  h = await createHarness();
  const integrationId = await webhook(h, "Notice hook", "http://127.0.0.1:9/hook");
  const { flowId } = await publishedFlow(h, "Notices", singleLevelGraph(integrationId));
  const values = await bareRunValues(h, flowId);
  insertRuns = async (count, tx = h.db) => {
    const rows = await tx
      .insert(runs)
      .values(Array.from({ length: count }, () => ({ ...values, firstErrorAt: new Date() })))
      .returning({ id: runs.id });
    return rows.map((row) => row.id);
  };
  listener = new pg.Client({ connectionString: testDatabaseUrl() });
  await listener.connect();
  listener.on("notification", (message) => notices.push(JSON.parse(message.payload ?? "null")));
  await listener.query("LISTEN alertflow_runs");
});
afterAll(async () => {
  await listener?.end();
  await h?.close();
});

/** The notices of the next committed write(s), once `count` have come (and a moment for strays). */
async function noticesOf(write: () => Promise<unknown>, count: number): Promise<unknown[]> {
  // The setup's own notices may still be on their way: a marker sent after them comes after them.
  const marker = `marker-${Math.random()}`;
  await h.db.execute(sql`select pg_notify('alertflow_runs', ${JSON.stringify(marker)})`);
  await eventually(async () => (notices.includes(marker) ? true : undefined), 5_000, "the marker");
  notices.length = 0;
  await write();
  await eventually(async () => (notices.length >= count ? true : undefined), 5_000, `${count} notice(s)`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  return [...notices];
}

describe("live-update notices of runs", () => {
  it("announces a run's timeline event written after the run, with the run's state", async () => {
    const [runId = ""] = await insertRuns(1);
    const seen = await noticesOf(() => h.db.insert(runEvents).values({ runId, type: "note" }), 1);
    expect(seen).toEqual([{ w: h.workspaceId, r: runId, s: "escalating", l: 0 }]);
  });

  it("announces a run and its children written in one transaction once, with the state each run statement left", async () => {
    let runId = "";
    const seen = await noticesOf(
      () =>
        h.db.transaction(async (tx) => {
          [runId = ""] = await insertRuns(1, tx);
          await tx.insert(runEvents).values({ runId, type: "opened" });
          await tx.update(runs).set({ currentLevel: 1 }).where(eq(runs.id, runId));
          await tx.insert(runEvents).values({ runId, type: "level" });
        }),
      2,
    );
    expect(seen).toEqual([
      { w: h.workspaceId, r: runId, s: "escalating", l: 0 },
      { w: h.workspaceId, r: runId, s: "escalating", l: 1 },
    ]);
  });

  it("sends one workspace-wide notice for a statement over more than 100 runs", async () => {
    const ids = await insertRuns(101);
    const seen = await noticesOf(() => h.db.insert(runEvents).values(ids.map((runId) => ({ runId, type: "bulk" }))), 1);
    expect(seen).toEqual([{ w: h.workspaceId }]);
  });
});
