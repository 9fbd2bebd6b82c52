import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleAlert } from "~/core/alerts/fixtures/sample-alert";
import { auditLog, flowEndpoints, flowVersions, flows, runs } from "~/db/schema";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { errorAlert } from "~/test-support/flow-fixtures";
import { createHarness, type Harness } from "~/test-support/harness";
import { otherWorkspace } from "~/test-support/second-workspace";

let h: Harness;
let workspaceId: string;
let api: Awaited<ReturnType<typeof otherWorkspace>>["api"];
let integrationId: string;

beforeAll(async () => {
  h = await createHarness();
  ({ workspaceId, api } = await otherWorkspace(h, "Lifecycle"));
  ({ id: integrationId } = await api.integrations.create({
    type: "webhook",
    name: "Ops webhook",
    variables: { ApiUrl: "http://127.0.0.1:9/hook" },
  }));
}, 60_000);
afterAll(async () => {
  await h.close();
});

async function publishedFlow(name: string) {
  const { id: flowId } = await api.flows.create({ name, graph: singleLevelGraph(integrationId) });
  const version = await api.flows.publish({ flowId, note: "" });
  const { token } = await api.flows.createEndpoint({ flowId });
  return { flowId, versionId: version.id, token };
}

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(err)}`);
  return err;
}

const audited = (action: string, targetId: string) =>
  h.db
    .select({ detail: auditLog.detail, actorName: auditLog.actorName })
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, action), eq(auditLog.targetId, targetId)));

/** The endpoint lookup caches an answer for a second on every process. */
const afterLookupCache = () => new Promise((r) => setTimeout(r, 1_100));

describe("duplicating a flow", () => {
  it("copies the draft graph only: not published, no endpoints, its own name; audited", async () => {
    const source = await publishedFlow("Checkout");
    const copy = await api.flows.duplicate({ flowId: source.flowId });
    expect(copy.name).toBe("Checkout (copy)");
    const [original, duplicate] = await Promise.all([
      api.flows.get({ flowId: source.flowId }),
      api.flows.get({ flowId: copy.id }),
    ]);
    expect(duplicate.graph).toEqual(original.graph);
    expect(duplicate.published).toBeNull();
    expect(await api.flows.endpoints({ flowId: copy.id })).toEqual([]);
    expect((await api.flows.duplicate({ flowId: source.flowId, name: "Checkout EU" })).name).toBe("Checkout EU");
    expect(await audited("flow.duplicated", copy.id)).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ fromFlowId: source.flowId }) }),
    ]);
  });
});

describe("archiving a flow", () => {
  it("takes it out of the list and refuses its alerts like an unknown token, until unarchived", async () => {
    const { flowId, token } = await publishedFlow("Retired");
    await api.flows.setArchived({ flowId, archived: true });
    expect((await api.flows.list()).map((f) => f.id)).not.toContain(flowId);
    expect((await api.flows.list({ archived: true })).map((f) => f.id)).toEqual([flowId]);

    const refused = await h.postAlert(token, errorAlert("archived"));
    const unknown = await h.postAlert("aft_not-a-real-token", errorAlert("archived"));
    expect(refused).toEqual({ status: 401, json: unknown.json });
    expect(await audited("flow.archived", flowId)).toHaveLength(1);

    await api.flows.setArchived({ flowId, archived: false });
    expect((await api.flows.list()).map((f) => f.id)).toContain(flowId);
    await afterLookupCache();
    expect((await h.postAlert(token, errorAlert("back"))).status).toBe(202);
    await h.client.workflow.getHandle(`flow:${flowId}:alert:back`).terminate("test done");
    expect(await audited("flow.unarchived", flowId)).toHaveLength(1);
  });
});

describe("deleting a flow", () => {
  it("is refused while an incident is open, then removes the flow, versions, endpoints and runs", async () => {
    const { flowId, versionId } = await publishedFlow("Doomed");
    const [run] = await h.db
      .insert(runs)
      .values({
        workspaceId,
        flowId,
        flowVersionId: versionId,
        alertKey: "open",
        workflowId: `flow:${flowId}:alert:open`,
        firstErrorAt: new Date(),
        alert: sampleAlert({ key: "open" }),
      })
      .returning({ id: runs.id });
    if (!run) throw new Error("no run");

    const err = await refusal(api.flows.delete({ flowId }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toContain('"Doomed" has 1 open incident');
    expect(await h.db.select().from(flows).where(eq(flows.id, flowId))).toHaveLength(1);

    await h.db.update(runs).set({ status: "resolved", resolvedAt: new Date() }).where(eq(runs.id, run.id));
    expect(await api.flows.delete({ flowId })).toEqual({ id: flowId, runsDeleted: 1 });
    for (const [table, column] of [
      [flows, flows.id],
      [flowVersions, flowVersions.flowId],
      [flowEndpoints, flowEndpoints.flowId],
      [runs, runs.flowId],
    ] as const) {
      expect(await h.db.select().from(table).where(eq(column, flowId))).toEqual([]);
    }
    expect(await audited("flow.deleted", flowId)).toEqual([
      expect.objectContaining({ detail: { flowName: "Doomed", runsDeleted: 1 } }),
    ]);
    expect((await refusal(api.flows.delete({ flowId }))).code).toBe("NOT_FOUND");
  });

  it("never reaches another workspace's flow", async () => {
    const { flowId } = await publishedFlow("Mine");
    const other = await otherWorkspace(h, "Intruder");
    // One at a time: calls made together would reject before the loop awaits them (unhandled).
    for (const attempt of [
      () => other.api.flows.delete({ flowId }),
      () => other.api.flows.setArchived({ flowId, archived: true }),
      () => other.api.flows.duplicate({ flowId }),
    ]) {
      expect((await refusal(attempt())).code).toBe("NOT_FOUND");
    }
    expect((await api.flows.get({ flowId })).archivedAt).toBeNull();
  });
});
