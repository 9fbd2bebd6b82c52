import { expect, test } from "@playwright/test";
import { apiClient } from "./api-client";

/**
 * The outbound allow-list at runtime: a private URL typed in an integration says, right under the
 * field, that it is refused and how to allow it; the owner follows the link, saves, and the same
 * URL passes without a restart. The e2e server's OUTBOUND_ALLOW_LIST names only loopback.
 */
test("a refused private URL leads the owner to the allow-list, and saving it lets the URL through", async ({
  page,
  baseURL,
}) => {
  const api = apiClient(baseURL ?? "");
  const before = await api.workspace.settings.query();
  const host = `10.${Date.now() % 250}.30.40`;
  const integration = await api.integrations.create.mutate({
    type: "webhook",
    name: `Private hook ${Date.now()}`,
    variables: { ApiUrl: "https://hooks.example.com/x" },
  });
  try {
    await page.goto(`/integrations/${integration.id}`);
    const field = page.getByTestId("variable-ApiUrl");
    await field.getByRole("textbox").fill(`http://${host}:8080/hook`);
    const hint = field.getByTestId("outbound-url-hint");
    await expect(hint).toContainText(`${host} is a private or loopback address`);
    await hint.getByRole("link", { name: `Add ${host} to the allow-list in Workspace settings` }).click();

    await expect(page).toHaveURL(new RegExp(`/settings/workspace\\?add=${host.replaceAll(".", "\\.")}$`));
    await expect(page.getByTestId("allow-list-adding")).toContainText(host);
    const list = page.getByLabel("Outbound allow-list");
    await expect(list).toHaveValue(new RegExp(`${host.replaceAll(".", "\\.")}$`));

    // Bad entries are named at their field, and nothing is saved.
    await list.fill(`${host}\nhttp://not-an-entry/`);
    await page.getByLabel("Keep finished runs for (days)").fill("0");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("“http://not-an-entry/” is not a host, host:port or CIDR.")).toBeVisible();
    await expect(page.getByText("Enter a whole number of days between 1 and 3650.")).toBeVisible();
    expect((await api.workspace.settings.query()).outboundAllowList).toEqual(before.outboundAllowList);

    await list.fill(host);
    await page.getByLabel("Keep finished runs for (days)").fill(String(before.retentionDays));
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Workspace settings saved")).toBeVisible();
    expect((await api.workspace.settings.query()).outboundAllowList).toEqual([host]);

    // Back in the editor, the same URL now passes: no hint, no restart.
    await page.goto(`/integrations/${integration.id}`);
    const checked = page.waitForResponse(
      (r) => r.url().includes("integrations.checkOutboundUrl") && decodeURIComponent(r.url()).includes(host),
    );
    await page.getByTestId("variable-ApiUrl").getByRole("textbox").fill(`http://${host}:8080/hook`);
    expect(await (await checked).text()).toContain("allowed");
    await expect(page.getByTestId("outbound-url-hint")).toHaveCount(0);
  } finally {
    await api.workspace.updateSettings.mutate({
      name: before.name,
      retentionDays: before.retentionDays,
      timeZone: before.timeZone,
      outboundAllowList: before.outboundAllowList,
    });
    await api.integrations.delete.mutate({ integrationId: integration.id });
  }
});
