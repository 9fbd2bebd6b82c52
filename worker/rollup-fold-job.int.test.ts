import { randomUUID } from "node:crypto";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flows, runRollupDeltas, runRollups } from "~/db/schema";
import { publishedFlow, webhook } from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { startRollupFoldJob } from "./rollup-fold-job";

/** The rollup fold job as the worker starts it, against real Postgres. */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("rollup fold job", () => {
  it("folds the deltas a new run appended into the hourly rollup", async () => {
    const integrationId = await webhook(h, `Fold job ${randomUUID()}`, "http://127.0.0.1:9/unused");
    const { flowId } = await publishedFlow(h, `Fold job ${randomUUID()}`, singleLevelGraph(integrationId));
    const [flow] = await h.db.select({ v: flows.publishedVersionId }).from(flows).where(eq(flows.id, flowId));
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 7_200_000).toISOString();
    await h.db.execute(sql`
      insert into runs (workspace_id, flow_id, flow_version_id, alert_key, workflow_id, first_error_at, alert, created_at)
      values (${h.workspaceId}, ${flowId}, ${flow?.v ?? null}, 'k', ${"wf:" + randomUUID()}, ${hour}, '{"key":"k","status":"error"}'::jsonb, ${hour})`);
    const pending = async () =>
      (await h.db.select({ n: count() }).from(runRollupDeltas).where(eq(runRollupDeltas.flowId, flowId)))[0]?.n ?? 0;
    expect(await pending()).toBe(1);

    const stop = startRollupFoldJob(h.db, { everyMs: 50 });
    try {
      const deadline = Date.now() + 10_000;
      while ((await pending()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    } finally {
      stop();
    }
    expect(await pending()).toBe(0);
    const folded = await h.db
      .select({ escalating: runRollups.escalating })
      .from(runRollups)
      .where(and(eq(runRollups.flowId, flowId), isNull(runRollups.integrationId)));
    expect(folded).toEqual([{ escalating: 1 }]);
  });
});
