import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleAlert } from "~/core/alerts/fixtures/sample-alert";
import { auditLog, flowEndpoints, flowVersions, flows, runs } from "~/db/schema";
import { backgroundStartsFor } from "~/server/inbound/background-start";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { errorAlert, eventually, messageOf, okAlert, runsForFlow } from "~/test-support/flow-fixtures";
import { startReceiver } from "~/test-support/http-receiver";
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
    // The endpoint starts the incident's workflow after its 202: ended once it is there.
    await backgroundStartsFor(h.client).settled();
    await h.client.workflow.getHandle(`flow:${flowId}:alert:back`).terminate("test done");
    expect(await audited("flow.unarchived", flowId)).toHaveLength(1);
  });
});

describe("retiring a flow with an incident still open", () => {
  const runOf = (flowId: string, alertKey: string) =>
    eventually(async () => (await runsForFlow(h, flowId)).find((run) => run.alertKey === alertKey), 30_000, "run");

  it.each([
    {
      how: "archived",
      retire: (flowId: string) => api.flows.setArchived({ flowId, archived: true }),
      refusedWith: 401,
    },
    { how: "disabled", retire: (flowId: string) => api.flows.setEnabled({ flowId, enabled: false }), refusedWith: 409 },
  ])("when $how, still takes the Ok that resolves it, and opens nothing new", async ({ how, retire }) => {
    const receiver = await startReceiver();
    const worker = await h.startWorker();
    try {
      const { id: hookId } = await api.integrations.create({
        type: "webhook",
        name: `Receiver ${how}`,
        variables: { ApiUrl: `${receiver.url}/hook` },
      });
      const { id: flowId } = await api.flows.create({ name: `Retiring ${how}`, graph: singleLevelGraph(hookId) });
      await api.flows.publish({ flowId, note: "" });
      const { token } = await api.flows.createEndpoint({ flowId });
      expect((await h.postAlert(token, errorAlert("still-open"))).status).toBe(202);
      const open = await runOf(flowId, "still-open");
      await retire(flowId);
      await afterLookupCache();

      const unknown = await h.postAlert("aft_not-a-real-token", errorAlert("x"));
      const newIncident = await h.postAlert(token, errorAlert("brand-new"));
      const okWithoutIncident = await h.postAlert(token, okAlert("never-opened"));
      for (const refused of [newIncident, okWithoutIncident]) {
        if (how === "archived") expect(refused).toEqual({ status: 401, json: unknown.json });
        else expect(refused.status).toBe(409);
      }

      const ok = await h.postAlert(token, [okAlert("still-open"), errorAlert("brand-new")]);
      expect(ok.status).toBe(202);
      expect(ok.json).toMatchObject({ refused: 1, accepted: [{ alertKey: "still-open", outcome: "queued" }] });
      await eventually(
        async () => ((await runOf(flowId, "still-open")).status === "resolved" ? true : undefined),
        30_000,
        "resolved",
      );
      expect((await runsForFlow(h, flowId)).map((run) => run.id)).toEqual([open.id]);
      expect(receiver.requests.map((request) => messageOf(request.json).type)).toEqual(["Alert", "Ok"]);
    } finally {
      await worker.stop();
      await receiver.close();
    }
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
