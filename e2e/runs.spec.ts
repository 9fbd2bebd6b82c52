import { expect, test } from "@playwright/test";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { startReceiver } from "~/test-support/http-receiver";
import { apiClient } from "./api-client";

test("a person follows a real incident from the runs list to its timeline and acknowledges it", async ({
  page,
  baseURL,
}) => {
  const base = baseURL ?? "";
  const api = apiClient(base);
  const receiver = await startReceiver(() => ({
    status: 200,
    body: '{"ok":true}',
    headers: { "content-type": "application/json" },
  }));
  try {
    const stamp = Date.now();
    const integration = await api.integrations.create.mutate({
      type: "webhook",
      name: `Ops webhook ${stamp}`,
      variables: { ApiUrl: `${receiver.url}/hook` },
      secrets: {},
      customizations: {},
      enabled: true,
    });
    const graph = graphOf(
      [
        triggerNode("trigger", {}, { x: 0, y: 0 }),
        levelNode("level-1", { level: 1, afterSeconds: 0 }, { x: 280, y: 0 }),
        // Far in the future, so the incident stays open while the test looks at it.
        levelNode("level-2", { level: 2, afterSeconds: 3600 }, { x: 280, y: 160 }),
        integrationNode("ops-hook", { label: "Ops hook", integrationId: integration.id }, { x: 560, y: 0 }),
        integrationNode("ops-hook-2", { label: "Ops hook (L2)", integrationId: integration.id }, { x: 560, y: 160 }),
      ],
      [
        edge("trigger", "out", "level-1"),
        edge("level-1", "next", "level-2"),
        edge("level-1", "out", "ops-hook"),
        edge("level-2", "out", "ops-hook-2"),
      ],
    );
    const flowName = `Checkout API ${stamp}`;
    const { id: flowId } = await api.flows.create.mutate({ name: flowName, description: "", graph });
    await api.flows.publish.mutate({ flowId, note: "" });
    const { token } = await api.flows.createEndpoint.mutate({ flowId });

    const key = `checkout-eu-${stamp}`;
    const posted = await fetch(`${base}/api/alerts/${token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key, status: "error", summary: "Checkout API answers 503" }),
    });
    expect(posted.status).toBe(202);
    await receiver.waitFor(1, 30_000);

    // The list, searched as a person would type it; the filter lands in the URL.
    await page.goto("/runs");
    await page.getByRole("searchbox", { name: "Search alerts" }).fill(`checkout-eu-${stamp}`);
    await expect(page).toHaveURL(new RegExp(`[?&]q=checkout-eu-${stamp}`));
    const row = page.getByTestId("run-row").filter({ hasText: key });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(flowName);
    await expect(row).toContainText("Escalating");
    await expect(row).toContainText("L1");

    await row.getByRole("link", { name: key }).click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: new RegExp(key) })).toBeVisible();
    await expect(page.getByTestId("run-status")).toHaveText("Escalating");

    // The Error message in the timeline, delivered to the receiver, with the wire on demand.
    const delivery = page.getByTestId("delivery").filter({ hasText: "Error message" });
    await expect(delivery).toContainText(`Ops webhook ${stamp}`);
    await expect(delivery).toContainText("Delivered");
    await expect(delivery).toContainText("HTTP 200");
    await delivery.getByRole("button", { name: "Request and response" }).click();
    await expect(delivery.getByTestId("exchange")).toContainText(`POST ${receiver.url}/hook`);
    await expect(page.locator('.react-flow__node[data-id="level-1"]')).toBeVisible();
    await expect(page.getByTestId("alert-json")).toContainText(`"key": "${key}"`);

    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.getByTestId("run-status")).toHaveText("Acknowledged");
    await expect(page.getByRole("button", { name: "Acknowledge" })).toBeDisabled();

    // Done looking: end the incident so its workflow does not outlive the test.
    await page.getByRole("button", { name: "Cancel run" }).click();
    await expect(page.getByTestId("run-status")).toHaveText("Cancelled", { timeout: 20_000 });
  } finally {
    await receiver.close();
  }
});
