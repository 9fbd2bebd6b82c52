import { expect, test } from "@playwright/test";
import { graphOf, edge, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { apiClient } from "./api-client";

/** A flow as the canvas draws it: generated node ids, an unlabeled integration node left unconnected. */
async function flowWithLooseIntegration(baseURL: string) {
  const api = apiClient(baseURL);
  const stamp = Date.now();
  const hook = await api.integrations.create.mutate({
    type: "webhook",
    name: `Pager ${stamp}`,
    variables: { ApiUrl: "http://127.0.0.1:9/hook" },
  });
  const graph = graphOf(
    [
      triggerNode("trigger-a1b2c3", {}, { x: 0, y: 0 }),
      levelNode("level-d4e5f6", { level: 1 }, { x: 320, y: 0 }),
      integrationNode("integration-s3jgxg", { integrationId: hook.id }, { x: 640, y: 0 }),
      integrationNode("integration-x9y8z7", { integrationId: hook.id }, { x: 640, y: 200 }),
    ],
    [edge("trigger-a1b2c3", "out", "level-d4e5f6"), edge("level-d4e5f6", "out", "integration-s3jgxg")],
  );
  const { id } = await api.flows.create.mutate({ name: `Details ${stamp}`, graph });
  return { id, hookName: `Pager ${stamp}` };
}

test("problems name nodes as the canvas shows them, never by internal id", async ({ page, baseURL }) => {
  const { id, hookName } = await flowWithLooseIntegration(baseURL ?? "");
  await page.goto(`/flows/${id}`);
  await page.getByTestId("problems-toggle").click();
  const panel = page.getByTestId("problems-panel");
  await expect(panel).toContainText(`Integration “${hookName}” is not reached from the trigger, so it never runs.`);
  await expect(panel).not.toContainText("integration-x9y8z7");
});

test("the trigger filter's value field has room to type at 1440 px", async ({ page, baseURL }) => {
  expect(page.viewportSize()?.width).toBe(1440);
  const { id } = await flowWithLooseIntegration(baseURL ?? "");
  await page.goto(`/flows/${id}`);
  await page.locator('.react-flow__node[data-id="trigger-a1b2c3"] .flow-node > div').first().click();
  await expect(page.getByTestId("inspector")).toHaveAttribute("data-node-id", "trigger-a1b2c3");
  await page.getByRole("button", { name: "Add filter" }).click();
  const value = page.getByLabel("Filter 1 value");
  await expect(value).toBeVisible();
  const box = await value.boundingBox();
  // It measured 15 px: too narrow for "critical".
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(120);
  await value.fill("critical");
  await expect(value).toHaveValue("critical");
});

test("the versions dialog of an unpublished flow renders without React key warnings", async ({ page, baseURL }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const { id } = await flowWithLooseIntegration(baseURL ?? "");
  await page.goto(`/flows/${id}`);
  await page.getByRole("button", { name: "Versions" }).click();
  // Nothing published: both sides of the comparison are the current draft.
  await expect(page.getByRole("dialog").locator(".react-flow")).toHaveCount(2);
  await expect(page.getByRole("dialog").locator(".react-flow__node").first()).toBeVisible();
  expect(errors.filter((e) => /same key|unique "key"/i.test(e))).toEqual([]);
});
