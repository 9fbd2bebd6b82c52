import { expect, test } from "@playwright/test";
import { threeLevelSampleGraph } from "~/test-support/sample-graphs";
import { apiClient } from "./api-client";

/** The version diff drew blank boxes until zoomed in: the graphs must be fitted to their boxes. */
test("the versions dialog shows both graphs fitted inside their boxes", async ({ page, baseURL }) => {
  const api = apiClient(baseURL ?? "");
  const { id } = await api.flows.create.mutate({ name: `Fitted ${Date.now()}`, description: "" });
  const hook = await api.integrations.create.mutate({
    type: "webhook",
    name: `Fit hook ${Date.now()}`,
    variables: { ApiUrl: "http://127.0.0.1:9/hook" },
  });
  const graph = threeLevelSampleGraph({ l1: hook.id, l2: hook.id, l3: hook.id });
  const flow = await api.flows.get.query({ flowId: id });
  await api.flows.saveDraft.mutate({ flowId: id, graph, baseRevision: flow.revision });
  await page.goto(`/flows/${id}`);
  await page.getByRole("button", { name: "Versions" }).click();
  const panes = page.getByRole("dialog").locator(".react-flow");
  await expect(panes).toHaveCount(2);
  for (const pane of await panes.all()) {
    const box = await pane.boundingBox();
    const nodes = pane.locator(".react-flow__node");
    await expect(nodes.first()).toBeVisible();
    for (const node of await nodes.all()) {
      const n = await node.boundingBox();
      expect(box && n).toBeTruthy();
      if (!box || !n) continue;
      expect(n.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(n.y).toBeGreaterThanOrEqual(box.y - 1);
      expect(n.x + n.width).toBeLessThanOrEqual(box.x + box.width + 1);
      expect(n.y + n.height).toBeLessThanOrEqual(box.y + box.height + 1);
    }
  }
});
