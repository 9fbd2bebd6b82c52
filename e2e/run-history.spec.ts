import { expect, test } from "@playwright/test";
import { startReceiver } from "~/test-support/http-receiver";
import { apiClient } from "./api-client";
import { escalatingFlow, postErrorAlert } from "./incident-fixture";

const SHOTS = process.env.SCREENSHOT_DIR;

test("a failing receiver's delivery shows every attempt, the next level counts down, and a re-send succeeds once the receiver recovers", async ({
  page,
  baseURL,
}) => {
  const base = baseURL ?? "";
  const api = apiClient(base);
  let recovered = false;
  // Busy (retried), then a final refusal; after recovery, fine.
  const receiver = await startReceiver((_req, index) =>
    recovered
      ? { status: 200, body: '{"ok":true}' }
      : index === 0
        ? { status: 503, headers: { "Retry-After": "1" }, body: "overloaded" }
        : { status: 400, body: '{"error":"channel archived"}' },
  );
  try {
    const stamp = Date.now();
    const { token } = await escalatingFlow(api, {
      name: `Payments ${stamp}`,
      hookName: `Pager hook ${stamp}`,
      hookUrl: `${receiver.url}/hook`,
      levelsAfterSeconds: [0, 600],
    });
    const key = `payments-${stamp}`;
    await postErrorAlert(base, token, key, "Payments API answers 500");
    await receiver.waitFor(2, 30_000);

    await page.goto("/runs");
    const row = page.getByTestId("run-row").filter({ hasText: key });
    await expect(row.getByTestId("run-next")).toContainText("L2");
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/runs-list.png`, fullPage: true });
    await row.getByRole("link", { name: key }).click();

    // What happens next: level 2, counting down each second, lit on the graph.
    const next = page.getByTestId("next-step").first();
    await expect(next).toContainText("Level 2 at");
    await expect(next).toContainText("unless acknowledged");
    const countdown = next.getByTestId("countdown");
    const before = await countdown.textContent();
    await expect(countdown).not.toHaveText(before ?? "", { timeout: 3_000 });
    await expect(page.locator('.react-flow__node[data-id="level-2"] .flow-node')).toHaveAttribute(
      "data-highlight",
      "next",
    );
    await expect(page.locator('.react-flow__node[data-id="hook-1"] .flow-node')).toHaveAttribute(
      "data-highlight",
      "failed",
    );

    // Every attempt, each with its own request and response.
    const delivery = page.getByTestId("delivery").filter({ hasText: "Error message" });
    await expect(delivery).toHaveAttribute("data-status", "failed");
    const attempts = delivery.getByTestId("attempt");
    await expect(attempts).toHaveCount(2);
    await expect(attempts.nth(0)).toContainText("HTTP 503");
    await expect(attempts.nth(0)).toContainText("Retry-After 1.0 s");
    await expect(attempts.nth(1)).toContainText("HTTP 400");
    await attempts.nth(1).getByRole("button", { name: "Request and response of attempt 2" }).click();
    await expect(delivery.getByTestId("exchange")).toContainText("channel archived");
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/run-page.png`, fullPage: true });

    await page.goto("/runs/failed");
    await expect(page.getByTestId("dead-letter").filter({ hasText: key })).toHaveCount(1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/dead-letters.png`, fullPage: true });
    await page.getByTestId("dead-letter").filter({ hasText: key }).getByRole("link", { name: key }).click();

    recovered = true;
    await page
      .getByTestId("delivery")
      .filter({ hasText: "Error message" })
      .getByRole("button", { name: "Re-send" })
      .click();
    await expect(delivery).toHaveAttribute("data-status", "delivered");
    await expect(attempts).toHaveCount(3);
    await expect(attempts.nth(2)).toContainText("re-sent by");
    await expect(page.getByTestId("run-timeline")).toContainText("Re-sent to");
    expect(receiver.requests).toHaveLength(3);

    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.getByTestId("next-steps")).toContainText("Acknowledged: no further levels");
    await page.getByRole("button", { name: "Cancel run" }).click();
    await expect(page.getByTestId("run-status")).toHaveText("Cancelled", { timeout: 20_000 });
  } finally {
    await receiver.close();
  }
});
