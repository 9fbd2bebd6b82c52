import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { bareRunValues, publishedFlow, webhook } from "~/test-support/flow-fixtures";
import { setRunStatus } from "./run-status";
import { runs, type RunStatus } from "./schema";

let h: Harness;
let insertRun: () => Promise<string>;
beforeAll(async () => {
  h = await createHarness();
  const integrationId = await webhook(h, "Status hook", "http://127.0.0.1:9/hook");
  const { flowId } = await publishedFlow(h, "Status", singleLevelGraph(integrationId));
  const values = await bareRunValues(h, flowId);
  insertRun = async () => {
    const [row] = await h.db
      .insert(runs)
      .values({ ...values, firstErrorAt: new Date() })
      .returning({ id: runs.id, status: runs.status });
    expect(row?.status).toBe("escalating");
    return row?.id ?? "";
  };
});
afterAll(async () => {
  await h?.close();
});

const statusOf = async (id: string) => (await h.db.select().from(runs).where(eq(runs.id, id)))[0]?.status;

describe("setRunStatus, the one writer of runs.status", () => {
  it("moves an open run forward and never changes a finished one", async () => {
    const id = await insertRun();
    expect(await setRunStatus(h.db, id, "acknowledged")).toBe(true);
    expect(await setRunStatus(h.db, id, "acknowledged")).toBe(false);
    expect(await setRunStatus(h.db, id, "resolved", { resolvedAt: new Date(0), currentLevel: 2 })).toBe(true);
    for (const late of ["escalating", "acknowledged", "cancelled", "failed"] satisfies RunStatus[]) {
      expect(await setRunStatus(h.db, id, late)).toBe(false);
    }
    const [row] = await h.db.select().from(runs).where(eq(runs.id, id));
    expect(row).toMatchObject({ status: "resolved", currentLevel: 2, resolvedAt: new Date(0) });
    // Time to acknowledge counts to the acknowledgement, which a later status leaves alone.
    expect(row?.acknowledgedAt).toBeInstanceOf(Date);
  });

  it("ends an escalating run as cancelled or failed without an acknowledgement", async () => {
    const [a, b] = await Promise.all([insertRun(), insertRun()]);
    expect(await setRunStatus(h.db, a, "cancelled")).toBe(true);
    expect(await setRunStatus(h.db, b, "failed")).toBe(true);
    expect([await statusOf(a), await statusOf(b)]).toEqual(["cancelled", "failed"]);
  });
});
