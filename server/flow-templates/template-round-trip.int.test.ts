import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { branchNode, edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { errorAlert, eventually, messageOf, okAlert, runsForFlow, webhook } from "~/test-support/flow-fixtures";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver } from "~/test-support/http-receiver";
import { otherWorkspace } from "~/test-support/second-workspace";

let h: Harness;
let stopWorker: (() => Promise<void>) | undefined;
beforeAll(async () => {
  h = await createHarness();
  stopWorker = (await h.startWorker()).stop;
});
afterAll(async () => {
  await stopWorker?.();
  await h?.close();
});

describe("template round trip", () => {
  it("flow → template → file → another workspace → mapped, published → an alert runs it end to end", async () => {
    // Workspace A: a two-level flow through two webhooks (the second only gets Error and Ok).
    const sourceReceiver = await startReceiver();
    const teamHook = await webhook(h, "A team hook", `${sourceReceiver.url}/team`);
    const pagerHook = await webhook(h, "A pager hook", `${sourceReceiver.url}/pager`);
    const { id: sourceFlowId } = await h.api.flows.create({
      name: "Checkout escalation",
      description: "",
      graph: graphOf(
        [
          triggerNode("t", { label: "Checkout alerts" }),
          levelNode("l1", { level: 1, label: "Team", message: "Check the checkout dashboard" }),
          levelNode("l2", { level: 2, label: "Pager", afterSeconds: 2 }),
          integrationNode("team", { label: "Team hook", integrationId: teamHook }),
          branchNode("types"),
          integrationNode("pager", { label: "Pager hook", integrationId: pagerHook }),
        ],
        [
          edge("t", "out", "l1"),
          edge("l1", "next", "l2"),
          edge("l1", "out", "team"),
          edge("l2", "out", "types"),
          edge("types", "error", "pager"),
          edge("types", "ok", "pager"),
        ],
      ),
    });
    await h.api.flows.publish({ flowId: sourceFlowId, note: "v1" });
    const [published] = await h.api.flows.versions({ flowId: sourceFlowId });
    const saved = await h.api.templates.saveFromFlow({
      flowId: sourceFlowId,
      flowVersionId: published?.id,
      name: "Two-step webhook escalation",
      description: "Team hook now, pager hook after two seconds.",
      tags: ["webhook", "test"],
    });
    expect(saved.version).toBe(1);
    const file = await h.api.templates.export({ ref: { kind: "workspace", templateId: saved.templateId } });
    expect(file.fileName).toBe("two-step-webhook-escalation-v1.alertflow-template.json");
    expect(file.text).not.toContain(teamHook);
    expect(file.text).not.toContain(sourceReceiver.url);

    // Workspace B: imports the file, maps each placeholder to its own webhook, publishes.
    const b = await otherWorkspace(h, "Round trip B");
    const imported = await b.api.templates.import({ fileText: file.text });
    const template = await b.api.templates.get({ templateId: imported.templateId });
    expect(template.placeholders.map((p) => [p.key, p.integrationType, p.label])).toEqual([
      ["webhook", "webhook", "Team hook"],
      ["webhook-2", "webhook", "Pager hook"],
    ]);
    await expect(h.api.templates.get({ templateId: imported.templateId })).rejects.toThrow(/not found/);

    const receiver = await startReceiver();
    const created = async (name: string, path: string) =>
      (await b.api.integrations.create({ type: "webhook", name, variables: { ApiUrl: `${receiver.url}${path}` } })).id;
    const used = await b.api.templates.use({
      ref: { kind: "workspace", templateId: imported.templateId },
      name: "Checkout (from template)",
      mapping: { webhook: await created("B team", "/team"), "webhook-2": await created("B pager", "/pager") },
      publish: true,
    });
    expect(used.published).toEqual({ version: 1 });
    const flow = await b.api.flows.get({ flowId: used.flowId });
    expect(flow.templateOrigin).toMatchObject({ kind: "workspace", templateId: imported.templateId, version: 1 });
    expect((await b.api.templates.get({ templateId: imported.templateId })).flows).toEqual([
      { id: used.flowId, name: "Checkout (from template)", version: 1 },
    ]);

    const { token } = await b.api.flows.createEndpoint({ flowId: used.flowId });
    expect((await h.postAlert(token, errorAlert("checkout-1"))).status).toBe(202);
    await receiver.waitFor(2, 60_000);
    expect((await h.postAlert(token, okAlert("checkout-1"))).status).toBe(202);
    await receiver.waitFor(4, 60_000);
    const seen = receiver.requests.map((r) => `${r.url} ${messageOf(r.json).type} L${messageOf(r.json).level}`);
    expect(seen.slice(0, 2)).toEqual(["/team Alert L1", "/pager Alert L2"]);
    // Both levels send their Ok at once, in no fixed order.
    expect(seen.slice(2).sort()).toEqual(["/pager Ok L2", "/team Ok L1"]);
    const level1 = receiver.requests[0]?.json;
    expect(JSON.stringify(level1)).toContain("Check the checkout dashboard");
    const [run] = await eventually(async () => {
      const runs = await runsForFlow(h, used.flowId);
      return runs[0]?.status === "resolved" ? runs : undefined;
    });
    expect(run?.workspaceId).toBe(b.workspaceId);
    expect(sourceReceiver.requests).toEqual([]);
    await Promise.all([receiver.close(), sourceReceiver.close()]);
  });
});
