import { expect, test } from "@playwright/test";
import { apiClient } from "./api-client";

/**
 * A newcomer's first alert: the empty database got a published "Demo escalation" flow whose
 * integration is the built-in inbox; an alert fired at it shows its Error, a Reminder and the
 * Ok on the Inbox page, with no receiver and no allow-list.
 */
test("the seeded demo flow delivers Error, Reminder and Ok to the Inbox page", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const api = apiClient(baseURL ?? "");
  const demo = (await api.flows.list.query()).find((f) => f.name === "Demo escalation");
  expect(demo?.publishedVersion).toBe(1);
  const { token } = await api.flows.createEndpoint.mutate({ flowId: demo?.id ?? "" });
  const key = `checkout-api-${Date.now()}`;
  const fire = (status: string) =>
    page.request.post(`/api/alerts/${token}`, { data: { key, status, summary: `Checkout API is down (${key})` } });

  expect((await fire("error")).status()).toBe(202);
  await page.goto("/inbox");
  const messages = page.getByTestId("inbox-message");
  await expect(messages.filter({ hasText: "Error" }).filter({ hasText: key })).toHaveCount(1);
  await expect(messages.filter({ hasText: "Reminder 1" }).filter({ hasText: key })).toHaveCount(1, {
    timeout: 30_000,
  });
  expect((await fire("ok")).status()).toBe(202);
  const ok = messages.filter({ hasText: `${key} recovered after` });
  await expect(ok).toHaveCount(1);
  // The Ok says what recovered; it does not repeat the error's summary.
  await expect(ok).not.toContainText("is down");
  if (process.env.UPDATE_DOCS_SCREENSHOTS) await page.screenshot({ path: "docs/demo-inbox.png" });
});
