import { expect, test } from "@playwright/test";
import { apiClient } from "./api-client";

/**
 * A newcomer's data-loss path: open a new flow, draw on it, go back to the list and open it
 * again. The editor used to reopen with the copy cached on the first visit (empty, old revision):
 * the next edit reported a false conflict, and "Keep mine" would have saved the empty graph over
 * the real one.
 */
test("reopening a flow from the list shows what was saved and keeps saving without a conflict", async ({
  page,
  baseURL,
}) => {
  const name = `Reopened ${Date.now()}`;
  const { id } = await apiClient(baseURL ?? "").flows.create.mutate({ name, description: "" });
  const nodes = page.locator(".react-flow__node");
  const status = page.getByTestId("save-status");
  const canvas = page.getByTestId("flow-canvas");

  await page.goto("/flows");
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/flows/${id}$`));
  await expect(nodes).toHaveCount(0);
  await page.getByTestId("palette-trigger").dragTo(canvas, { targetPosition: { x: 200, y: 200 } });
  await expect(nodes).toHaveCount(1);
  await expect(status).toHaveAttribute("data-state", "saved");

  await page.getByRole("link", { name: "All flows" }).click();
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/flows/${id}$`));
  await expect(nodes).toHaveCount(1);

  await page.getByTestId("palette-level").dragTo(canvas, { targetPosition: { x: 500, y: 200 } });
  await expect(nodes).toHaveCount(2);
  await expect(status).toHaveAttribute("data-state", "saved");
  const stored = await apiClient(baseURL ?? "").flows.get.query({ flowId: id });
  expect(stored.graph.nodes.map((n) => n.type).sort()).toEqual(["level", "trigger"]);
});
