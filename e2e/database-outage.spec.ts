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

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("every signed-out page says the database is unavailable in the visitor's language, not an error, then recovers by itself", async ({
    page,
    context,
    baseURL,
  }) => {
    await context.addCookies([{ name: "alertflow-locale", value: "fr", url: baseURL ?? "" }]);
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();

    await closeDatabase(databaseUrl);
    const notice = page.getByRole("status").filter({ hasText: "Base de données indisponible, nouvel essai en cours…" });
    for (const path of [
      "/sign-in",
      "/sign-up",
      "/setup",
      "/forgot-password",
      "/share/templates/outage-token",
      "/invite/outage-token",
    ]) {
      const response = await page.goto(path);
      // Not a 500: a page rendered by Next can answer only 200, 404, 403 or 401 (the acknowledge
      // link, a route handler, answers 503); the invitation page's tRPC calls answer 503.
      expect(response?.status(), path).toBe(200);
      await expect(notice, path).toBeVisible();
      await expect(page.getByText("Un problème est survenu"), path).toHaveCount(0);
    }
    await page.goto("/sign-in");
    await expect(notice).toBeVisible();
    await page.screenshot({ path: "test-results/database-outage-sign-in.png" });

    await reopenDatabase(databaseUrl);
    // Nobody reloads: the page asks again and shows the form once the database answers.
    await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible({ timeout: 20_000 });
    await expect(notice).toHaveCount(0);
  });
});
