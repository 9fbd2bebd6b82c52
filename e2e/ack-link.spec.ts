import { expect, test } from "@playwright/test";
import { twoLevelGraph } from "~/test-support/graph-builder";
import { startReceiver } from "~/test-support/http-receiver";
import { apiClient } from "./api-client";

const field = (json: unknown, group: string, name: string): string => {
  const g = typeof json === "object" && json !== null ? Reflect.get(json, group) : undefined;
  const v = typeof g === "object" && g !== null ? Reflect.get(g, name) : undefined;
  return typeof v === "string" ? v : "";
};

test("a person opens the acknowledge link from a delivered message, confirms, and sees the run acknowledged", async ({
  page,
  browser,
  baseURL,
}) => {
  const api = apiClient(baseURL ?? "");
  const receiver = await startReceiver();
  try {
    const stamp = Date.now();
    const ids: [string, string] = [
      (
        await api.integrations.create.mutate({
          type: "webhook",
          name: `Ack L1 ${stamp}`,
          variables: { ApiUrl: `${receiver.url}/l1` },
          secrets: {},
          customizations: {},
          enabled: true,
        })
      ).id,
      (
        await api.integrations.create.mutate({
          type: "webhook",
          name: `Ack L2 ${stamp}`,
          variables: { ApiUrl: `${receiver.url}/l2` },
          secrets: {},
          customizations: {},
          enabled: true,
        })
      ).id,
    ];
    const graph = twoLevelGraph(ids, { level: 1, afterSeconds: 0 }, { level: 2, afterSeconds: 3600 });
    const { id: flowId } = await api.flows.create.mutate({ name: `Ack link ${stamp}`, description: "", graph });
    await api.flows.publish.mutate({ flowId, note: "" });
    const { token } = await api.flows.createEndpoint.mutate({ flowId });
    const key = `ack-link-${stamp}`;
    const posted = await fetch(`${baseURL}/api/alerts/${token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key, status: "error", summary: "Checkout API answers 503" }),
    });
    expect(posted.status).toBe(202);
    await receiver.waitFor(1, 30_000);
    const message = receiver.requests[0]?.json;
    const link = new URL(field(message, "alert", "acknowledgeUrl"));
    const runId = field(message, "incident", "id");

    // The link as delivered (its host is PUBLIC_URL; the path is what matters here), opened by
    // someone who is not signed in: the link alone is the permission, and they give their name.
    const outsider = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const phone = await outsider.newPage();
    await phone.goto(link.pathname);
    await expect(phone.getByRole("heading", { name: "Acknowledge this incident?" })).toBeVisible();
    await expect(phone.getByText(key)).toBeVisible();
    await phone.screenshot({ path: "test-results/ack-confirm-page.png" });
    await phone.getByLabel("Your name").fill("Dana");
    await phone.getByRole("button", { name: "Acknowledge" }).click();
    await expect(phone.getByRole("heading", { name: "Acknowledged" })).toBeVisible();
    await outsider.close();

    await page.goto(`/runs/${runId}`);
    await expect(page.getByTestId("run-status")).toHaveText("Acknowledged");
    await expect(page.getByText("via a link in a message")).toBeVisible();

    await api.runs.cancel.mutate({ runId, note: "" });
  } finally {
    await receiver.close();
  }
});
