import { expect, test, type Page } from "@playwright/test";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { apiClient } from "./api-client";

async function rowMenu(page: Page, name: string) {
  await page.getByRole("button", { name: `Actions for ${name}`, exact: true }).click();
  return page.getByRole("menu");
}

/** The flow list's row menu: duplicate, archive (alerts refused, under "Archived"), unarchive, delete. */
test("a person duplicates, archives, unarchives and deletes flows from the list", async ({ page, baseURL }) => {
  const api = apiClient(baseURL ?? "");
  const stamp = Date.now();
  const name = `Lifecycle ${stamp}`;
  const hook = await api.integrations.create.mutate({
    type: "webhook",
    name: `Lifecycle hook ${stamp}`,
    variables: { ApiUrl: "http://127.0.0.1:9/hook" },
  });
  const { id: flowId } = await api.flows.create.mutate({ name, graph: singleLevelGraph(hook.id) });
  await api.flows.publish.mutate({ flowId, note: "" });
  const { token } = await api.flows.createEndpoint.mutate({ flowId });

  await page.goto("/flows");
  const rows = page.getByTestId("flow-row");
  await expect(rows.filter({ hasText: name })).toHaveCount(1);

  // Duplicate: a draft copy beside it.
  await (await rowMenu(page, name)).getByRole("menuitem", { name: "Duplicate" }).click();
  await expect(page.getByText(`Duplicated as “${name} (copy)”`)).toBeVisible();
  const copyRow = rows.filter({ hasText: `${name} (copy)` });
  await expect(copyRow).toHaveCount(1);
  await expect(copyRow).toContainText("Draft only");

  // Archive, with a confirmation; the flow leaves the list and its endpoint answers 401.
  await (await rowMenu(page, name)).getByRole("menuitem", { name: "Archive…" }).click();
  const archiveDialog = page.getByRole("dialog", { name: `Archive “${name}”?` });
  await expect(archiveDialog).toContainText("refuse new alerts");
  await archiveDialog.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(rows.filter({ hasText: name }).filter({ hasNotText: "(copy)" })).toHaveCount(0);
  const refused = await page.request.post(`/api/alerts/${token}`, { data: { key: "k", status: "error" } });
  expect(refused.status()).toBe(401);

  await page.getByRole("button", { name: "Archived", exact: true }).click();
  await expect(rows.filter({ hasText: name })).toHaveCount(1);
  await (await rowMenu(page, name)).getByRole("menuitem", { name: "Unarchive" }).click();
  await expect(rows.filter({ hasText: name })).toHaveCount(0);
  await page.getByRole("button", { name: "Active", exact: true }).click();
  await expect(rows.filter({ hasText: name }).filter({ hasNotText: "(copy)" })).toHaveCount(1);

  // Delete the copy, after confirming.
  await (await rowMenu(page, `${name} (copy)`)).getByRole("menuitem", { name: "Delete…" }).click();
  const deleteDialog = page.getByRole("dialog", { name: `Delete “${name} (copy)”?` });
  await expect(deleteDialog).toContainText("cannot be undone");
  await deleteDialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByText(`“${name} (copy)” deleted`)).toBeVisible();
  await expect(copyRow).toHaveCount(0);
  expect((await api.flows.list.query()).map((f) => f.name)).not.toContain(`${name} (copy)`);

  await api.flows.delete.mutate({ flowId });
});
