import { expect, test } from "@playwright/test";
import { apiClient } from "./api-client";

test("the flows page lists a flow and opens it on a canvas with its nodes", async ({ page, baseURL }) => {
  const api = apiClient(baseURL ?? "");
  const name = `Checkout API ${Date.now()}`;
  const { id } = await api.flows.create.mutate({
    name,
    description: "Pages the on-call engineer",
    graph: {
      schemaVersion: 1,
      nodes: [
        { id: "t", type: "trigger", position: { x: 0, y: 0 }, data: { format: "generic" } },
        { id: "l1", type: "level", position: { x: 300, y: 0 }, data: { level: 1, afterSeconds: 0 } },
        { id: "i1", type: "integration", position: { x: 600, y: 0 }, data: { label: "Ops webhook" } },
      ],
      edges: [
        { id: "e1", source: "t", target: "l1", sourceHandle: "out" },
        { id: "e2", source: "l1", target: "i1", sourceHandle: "out" },
      ],
    },
  });

  await page.goto("/flows");
  const row = page.getByTestId("flow-row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await row.getByRole("link", { name }).click();

  await expect(page).toHaveURL(new RegExp(`/flows/${id}$`));
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const nodes = page.locator(".react-flow__node");
  await expect(nodes).toHaveCount(3);
  await expect(page.locator('.react-flow__node[data-id="l1"]')).toContainText("Level 1");
  await expect(page.locator('.react-flow__node[data-id="i1"]')).toContainText("Ops webhook");
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
});
