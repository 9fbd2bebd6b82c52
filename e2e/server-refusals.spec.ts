import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startReceiver } from "~/test-support/http-receiver";
import { apiClient } from "./api-client";
import { escalatingFlow, postErrorAlert } from "./incident-fixture";

const SHOTS = "test-results/server-refusals";

/**
 * A refusal that names what is in the way reads in the page's language: the server sends its
 * reason and values, the page words them (core/server-reason.ts), instead of showing the
 * server's English sentence.
 */
test.describe("in French", () => {
  test.use({ locale: "fr-BE" });

  test("re-running a run of a disabled flow is refused in French, naming the flow", async ({ page, baseURL }) => {
    const base = baseURL ?? "";
    const api = apiClient(base);
    const receiver = await startReceiver();
    try {
      const stamp = Date.now();
      const name = `Disque plein ${stamp}`;
      const { token, flowId } = await escalatingFlow(api, {
        name,
        hookName: `Refus hook ${stamp}`,
        hookUrl: `${receiver.url}/hook`,
        levelsAfterSeconds: [0],
      });
      const key = `refus-${stamp}`;
      await postErrorAlert(base, token, key, "Disk full");
      await receiver.waitFor(1, 30_000);

      await page.goto("/runs");
      await page.getByTestId("run-row").filter({ hasText: key }).getByRole("link").click();
      await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
      const runId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
      // Someone resolved the incident and disabled the flow meanwhile.
      await api.runs.resolve.mutate({ runId });
      await expect.poll(async () => (await api.runs.get.query({ runId })).run.status).toBe("resolved");
      await api.flows.setEnabled.mutate({ flowId, enabled: false });

      await page.reload();
      const rerun = page.getByRole("button", { name: "Relancer" });
      await expect(rerun).toBeEnabled();
      await rerun.click();
      await expect(page.getByText(`Le flux « ${name} » est désactivé : activez-le d'abord.`)).toBeVisible();
      await expect(page.getByText(`Flow "${name}" is disabled`)).toHaveCount(0);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/fr-rerun-disabled-flow.png` });
    } finally {
      await receiver.close();
    }
  });
});
