import { expect, test } from "@playwright/test";
import { closeDatabase, reopenDatabase } from "~/test-support/database-outage";
import { apiClient } from "./api-client";

const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/alertflow_e2e";

test.afterEach(() => reopenDatabase(databaseUrl));

test("during a Postgres outage the page says the database is unavailable and retries, then recovers", async ({
  page,
  baseURL,
}) => {
  const name = `Outage flow ${Date.now()}`;
  await apiClient(baseURL ?? "").flows.create.mutate({ name, description: "" });
  await page.goto("/flows");
  await expect(page.getByTestId("flow-row").filter({ hasText: name })).toBeVisible();

  // The real database refuses connections and drops the open ones, as in a restart.
  await closeDatabase(databaseUrl);
  await page.reload();
  const banner = page.getByRole("status").filter({ hasText: "Database unavailable, retrying…" });
  await expect(banner).toBeVisible();
  // Not the error page: the shell stays, waiting.
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  await page.screenshot({ path: "test-results/database-outage-banner.png" });

  await reopenDatabase(databaseUrl);
  // The next retry (Retry-After: 5 s) gets the list, and the banner goes.
  await expect(page.getByTestId("flow-row").filter({ hasText: name })).toBeVisible({ timeout: 20_000 });
  await expect(banner).toHaveCount(0);
});
