import { randomUUID } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "~/db/client";
import { flows, runRollupDeltas, runRollups, runs } from "~/db/schema";
import { publishedFlow, webhook } from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { bucketFacts, rawFacts, rolledUp, type FactScope } from "./run-facts";
import { foldRollupDeltas } from "./rollup-fold";

/**
 * The rollup triggers append deltas (migration 0020) and the fold job adds them to the hourly
 * rollup. Writers of one flow and hour must not wait on each other (they did on one shared
 * rollup row: deadlocks and a drained pool under load), and the figures must be exact whether
 * the deltas are pending, being folded by two folders at once, or folded.
 */
let h: Harness;
let flowId = "";
let flowVersionId = "";
let integrationId = "";

const HOUR_MS = 3_600_000;
// A whole hour in the past: every write below lands in the same flow and hour.
const hourStart = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 3 * HOUR_MS;
const at = (minute: number) => new Date(hourStart + minute * 60_000).toISOString();

beforeAll(async () => {
  h = await createHarness();
  integrationId = await webhook(h, `Fold ${randomUUID()}`, "http://127.0.0.1:9/unused");
  ({ flowId } = await publishedFlow(h, `Fold ${randomUUID()}`, singleLevelGraph(integrationId)));
  const [flow] = await h.db.select({ v: flows.publishedVersionId }).from(flows).where(eq(flows.id, flowId));
  flowVersionId = flow?.v ?? "";
});

afterAll(async () => {
  await h?.close();
});

/** One incident as the endpoint and the worker write it: a run, its messages, then its status. */
async function incident(tx: Tx, n: number) {
  const key = `fold-${n}-${randomUUID()}`;
  const [run] = await tx
    .execute<{ id: string }>(
      sql`
    insert into runs (workspace_id, flow_id, flow_version_id, alert_key, workflow_id, first_error_at, alert, created_at)
    values (${h.workspaceId}, ${flowId}, ${flowVersionId}, ${key}, ${"wf:" + key}, ${at(n % 50)}, ${JSON.stringify({ key, status: "error" })}::jsonb, ${at(n % 50)})
    returning id`,
    )
    .then((r) => r.rows);
  if (!run) throw new Error("no run");
  await tx.execute(sql`
    insert into deliveries (run_id, integration_id, node_id, message_type, level, idempotency_key, status, attempts, latency_ms, created_at)
    values (${run.id}, ${integrationId}, 'n', 'error', 1, ${key + ":1"}, 'pending', 0, null, ${at(n % 50)}),
           (${run.id}, ${integrationId}, 'n', 'error', 1, ${key + ":2"}, 'failed', 1, ${n * 7}, ${at(n % 50)})`);
  await tx.execute(sql`update deliveries set status = 'delivered', attempts = 1, latency_ms = ${20 + n}
                        where run_id = ${run.id} and status = 'pending'`);
  if (n % 3 === 0) {
    await tx.execute(sql`update runs set status = 'acknowledged', acknowledged_at = first_error_at + interval '90 seconds'
                          where id = ${run.id}`);
  } else if (n % 3 === 1) {
    await tx.execute(sql`update runs set status = 'resolved', resolved_at = first_error_at + interval '5 minutes'
                          where id = ${run.id}`);
  }
  return run.id;
}

/** Rollup (folded + pending) and raw facts of the test's flow and hour, in one snapshot. */
async function bothWays(scope: FactScope) {
  const window = { bucketMs: HOUR_MS, since: new Date(hourStart), count: 1 };
  const span = { from: window.since, until: new Date(hourStart + HOUR_MS) };
  return h.db.transaction(
    async (tx) => ({
      rolled: bucketFacts(window, [await rolledUp(tx, scope, span, window)]).totals,
      raw: bucketFacts(window, [await rawFacts(tx, scope, span, window)]).totals,
    }),
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

async function expectExact() {
  for (const scope of [
    { workspaceId: h.workspaceId, flowId },
    { workspaceId: h.workspaceId, flowId, integrationId },
  ]) {
    const { rolled, raw } = await bothWays(scope);
    const rounded = (f: typeof rolled) => ({
      ...f,
      mttaMsSum: Math.round(f.mttaMsSum),
      mttrMsSum: Math.round(f.mttrMsSum),
    });
    expect(rounded(rolled), JSON.stringify(scope)).toEqual(rounded(raw));
  }
}

const pendingDeltas = async () =>
  (await h.db.select({ n: count() }).from(runRollupDeltas).where(eq(runRollupDeltas.flowId, flowId)))[0]?.n ?? 0;

describe("rollup deltas and their fold", () => {
  it("lets two writers of one flow and hour commit without waiting on each other", async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstWrote = () => undefined as void;
    const wrote = new Promise<void>((resolve) => (firstWrote = resolve));
    // The first writer holds its incident's rollup share uncommitted...
    const first = h.db.transaction(async (tx) => {
      await incident(tx, 1000);
      firstWrote();
      await held;
    });
    await wrote;
    // ...while a second one writes the same flow and hour. A wait on a row the first holds would
    // hit the lock timeout (55P03) instead of passing.
    try {
      await h.db.transaction(async (tx) => {
        await tx.execute(sql`set local lock_timeout = '2s'`);
        await incident(tx, 1003);
      });
    } finally {
      release();
      await first;
    }
    await expectExact();
  });

  it("stays exact while many writers and two folders run at once, and after the fold", async () => {
    let writing = true;
    const folder = async () => {
      let folded = 0;
      while (writing) folded += await foldRollupDeltas(h.db, 7);
      return folded;
    };
    const folders = [folder(), folder()];
    const writers = Array.from({ length: 8 }, (_, w) =>
      (async () => {
        for (let i = 0; i < 12; i++) {
          await h.db.transaction(async (tx) => {
            await tx.execute(sql`set local lock_timeout = '5s'`);
            await incident(tx, w * 100 + i);
          });
        }
      })(),
    );
    await Promise.all(writers);
    writing = false;
    const foldedMeanwhile = (await Promise.all(folders)).reduce((a, b) => a + b, 0);
    expect(foldedMeanwhile).toBeGreaterThan(0);

    // Whatever is pending now is counted by readers, and exactly once once folded.
    await expectExact();
    await foldRollupDeltas(h.db);
    expect(await pendingDeltas()).toBe(0);
    await expectExact();
    const [folded] = await h.db
      .select({ sent: runRollups.messagesSent, failed: runRollups.messagesFailed })
      .from(runRollups)
      .where(and(eq(runRollups.flowId, flowId), sql`${runRollups.integrationId} is null`));
    // 2 incidents from the first test and 96 here, each with one delivered and one failed message.
    expect(folded).toEqual({ sent: 98, failed: 98 });
    const [incidents] = await h.db.select({ n: count() }).from(runs).where(eq(runs.flowId, flowId));
    expect(incidents?.n).toBe(98);
  });
});
