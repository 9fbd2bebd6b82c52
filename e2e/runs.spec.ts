import { expect, test } from "@playwright/test";
import { startReceiver } from "~/test-support/http-receiver";
import { apiClient } from "./api-client";
import { escalatingFlow, postErrorAlert } from "./incident-fixture";

const SHOTS = process.env.SCREENSHOT_DIR;

test("a person watches a real incident appear and escalate without reloading, acknowledges it, and the escalation stops", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const base = baseURL ?? "";
  const api = apiClient(base);
  const receiver = await startReceiver(() => ({
    status: 200,
    body: '{"ok":true}',
    headers: { "content-type": "application/json" },
  }));
  try {
    const stamp = Date.now();
    const flowName = `Checkout API ${stamp}`;
    // Level 2 soon enough to watch it fire; level 3 later, to see the acknowledgement stop it.
    const { flowId, token } = await escalatingFlow(api, {
      name: flowName,
      hookName: `Ops webhook ${stamp}`,
      hookUrl: `${receiver.url}/hook`,
      levelsAfterSeconds: [0, 20, 45],
    });
    const key = `checkout-eu-${stamp}`;

    // The list is open before the alert arrives, searched as a person would type; the search lands in the URL.
    await page.goto("/runs");
    await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
    await page.getByRole("searchbox", { name: "Search alerts" }).fill(key);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${key}`));
    const row = page.getByTestId("run-row").filter({ hasText: key });
    await expect(row).toHaveCount(0);

    await postErrorAlert(base, token, key, "Checkout API answers 503");
    // No reload: the server pushes the change and the list refetches.
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(flowName);
    await expect(row).toContainText("Escalating");
    await expect(row).toContainText("L1");
    await expect(row.getByTestId("run-next")).toContainText("L2");
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/runs-list-live.png`, fullPage: true });

    await row.getByRole("link", { name: key }).click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: new RegExp(key) })).toBeVisible();
    await expect(page.getByTestId("run-status")).toHaveText("Escalating");
    await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");

    // Level 2 is next: its countdown moves and it is marked on the graph.
    const next = page.getByTestId("next-step").first();
    await expect(next).toContainText("Level 2 at");
    const countdown = next.getByTestId("countdown");
    const before = await countdown.textContent();
    await expect(countdown).not.toHaveText(before ?? "", { timeout: 3_000 });
    const level2 = page.locator('.react-flow__node[data-id="level-2"] .flow-node');
    await expect(level2).toHaveAttribute("data-highlight", "next");
    await expect(page.getByRole("link", { name: "Temporal" })).toHaveAttribute(
      "href",
      new RegExp(`/namespaces/default/workflows/${encodeURIComponent(`flow:${flowId}:alert:${key}`)}`),
    );

    // Level 2 fires and lights up, with no reload; level 3 is next.
    await expect(level2).toHaveAttribute("data-highlight", "fired", { timeout: 40_000 });
    await expect(page.locator('.react-flow__node[data-id="level-3"] .flow-node')).toHaveAttribute(
      "data-highlight",
      "next",
    );
    await expect(next).toContainText("Level 3 at");
    await expect(page.getByTestId("delivery").filter({ hasText: "Error message" })).toHaveCount(2);
    const sentBeforeAck = receiver.requests.length;
    expect(sentBeforeAck).toBe(2);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/run-page-live.png`, fullPage: true });

    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.getByTestId("run-status")).toHaveText("Acknowledged");
    await expect(page.getByTestId("next-steps")).toContainText("Acknowledged: no further levels");
    await expect(page.locator('.react-flow__node[data-id="level-3"] .flow-node')).not.toHaveAttribute(
      "data-highlight",
      "next",
    );

    // Past level 3's time: nothing more was sent, and the page still says so.
    const run = (await api.runs.list.query({ q: key, limit: 1 })).items[0];
    const level3At = (run?.firstErrorAt.getTime() ?? 0) + 45_000;
    await page.waitForTimeout(Math.max(0, level3At + 3_000 - Date.now()));
    expect(receiver.requests).toHaveLength(sentBeforeAck);
    await expect(page.getByTestId("delivery").filter({ hasText: "Error message" })).toHaveCount(2);
    await expect(page.getByTestId("run-status")).toHaveText("Acknowledged");

    // The insights of this flow count it.
    await page.goto(`/runs/insights?flow=${flowId}&range=24h`);
    const totals = page.getByTestId("insight-totals");
    await expect(totals).toContainText("Incidents1");
    await expect(totals).toContainText("Messages sent2");
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/run-insights.png`, fullPage: true });

    // Done looking: end the incident so its workflow does not outlive the test.
    await api.runs.cancel.mutate({ runId: run?.id ?? "" });
  } finally {
    await receiver.close();
  }
});
