import { expect, test } from "@playwright/test";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { apiClient } from "./api-client";
import { pageShot } from "./page-shot";

/**
 * Node ids named like Object.prototype's members (`constructor`, `__proto__`, `toString`): any
 * code that keys a plain object by node id (issues, highlights, the diff) once saw a member there.
 * The editor draws every node, lists no problem, and previews both levels' timing.
 */
test("the editor draws a flow whose node ids are constructor, __proto__ and toString", async ({ page, baseURL }) => {
  const api = apiClient(baseURL ?? "");
  const { id } = await api.flows.create.mutate({ name: `Prototype ids ${Date.now()}`, description: "" });
  const hook = await api.integrations.create.mutate({
    type: "webhook",
    name: `Proto hook ${Date.now()}`,
    variables: { ApiUrl: "http://127.0.0.1:9/hook" },
  });
  const graph = graphOf(
    [
      triggerNode("toString", {}, { x: 0, y: 0 }),
      levelNode("constructor", { level: 1 }, { x: 0, y: 160 }),
      levelNode("__proto__", { level: 2, afterSeconds: 300 }, { x: 0, y: 320 }),
      integrationNode("hasOwnProperty", { integrationId: hook.id }, { x: 320, y: 160 }),
      integrationNode("valueOf", { integrationId: hook.id }, { x: 320, y: 320 }),
    ],
    [
      edge("toString", "out", "constructor"),
      edge("constructor", "out", "hasOwnProperty"),
      edge("constructor", "next", "__proto__"),
      edge("__proto__", "out", "valueOf"),
    ],
  );
  const flow = await api.flows.get.query({ flowId: id });
  await api.flows.saveDraft.mutate({ flowId: id, graph, baseRevision: flow.revision });

  await page.goto(`/flows/${id}`);
  const canvas = page.locator(".react-flow").first();
  await expect(canvas.locator(".react-flow__node")).toHaveCount(5);
  for (const nodeId of ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf"]) {
    await expect(canvas.locator(`.react-flow__node[data-id="${nodeId}"]`)).toBeVisible();
  }
  await expect(canvas.locator(".react-flow__edge")).toHaveCount(4);
  await pageShot(page, "test-results/prototype-node-ids/editor.png");

  await page.getByRole("button", { name: "Timing" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText(/problem/i)).toHaveCount(0);
  await expect(dialog.getByText(/Level 2/).first()).toBeVisible();
  await pageShot(page, "test-results/prototype-node-ids/timing.png");
});
