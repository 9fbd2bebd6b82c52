import { expect, test, type Page } from "@playwright/test";
import { presetLanguageCustomizations } from "~/core/integrations/preset-language";
import { apiClient } from "./api-client";
import { OWNER_STATE } from "./test-owner";
import { pageShot } from "./page-shot";

const SHOTS = "test-results/languages";

const shot = (page: Page, name: string) => pageShot(page, `${SHOTS}/${name}.png`);

/** What the runs filter's calendar says, in the language under test. */
interface Words {
  browserLocale: "fr-BE" | "nl-BE";
  from: string;
  to: string;
  time: string;
  done: string;
}

const FRENCH: Words = { browserLocale: "fr-BE", from: "Du", to: "Au", time: "Heure (24 h)", done: "OK" };
const DUTCH: Words = { browserLocale: "nl-BE", from: "Van", to: "Tot", time: "Tijd (24 u)", done: "Klaar" };

/**
 * A range chosen with the calendar, by mouse for "from" and by keyboard alone for "to": the
 * calendar speaks the page's language, and the URL holds the same ISO instants the native
 * inputs wrote, so links shared before still open the same view.
 */
async function chooseRange(page: Page, words: Words) {
  const lang = words.browserLocale.slice(0, 2);
  await page.goto("/runs");
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  // The instants the person means, computed in the browser's time zone as the page reads them.
  const expected = await page.evaluate((lang) => {
    const now = new Date();
    const from = new Date(now.getFullYear(), now.getMonth(), 3, 14, 30);
    const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 7, 23, 59);
    const day = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    const month = new Intl.DateTimeFormat(lang, { month: "long", year: "numeric" }).format(now);
    const shown = new Intl.DateTimeFormat(lang, {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    }).format(from);
    return { from: from.toISOString(), to: to.toISOString(), fromDay: day(from), month, shown };
  }, lang);

  await page.getByTestId("date-filter-from").click();
  const calendar = page.getByRole("dialog", { name: words.from });
  await expect(calendar.getByText(expected.month, { exact: true })).toBeVisible();
  await calendar.locator(`[data-day="${expected.fromDay}"] button`).click();
  await calendar.getByLabel(words.time).fill("14:30");
  await shot(page, `${words.browserLocale}-runs-date-picker`);
  await calendar.getByRole("button", { name: words.done }).click();
  await expect(calendar).toHaveCount(0);
  await expect(page.getByTestId("date-filter-from")).toHaveText(expected.shown);

  // Keyboard only: Enter opens on today, Arrow Down moves a week, Enter picks, Escape closes.
  await page.getByTestId("date-filter-to").focus();
  await page.keyboard.press("Enter");
  const toCalendar = page.getByRole("dialog", { name: words.to });
  await expect(toCalendar.locator("[data-today] button")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(toCalendar).toHaveCount(0);
  await expect(page.getByTestId("date-filter-to")).toBeFocused();

  await expect.poll(() => new URL(page.url()).searchParams.get("from")).toBe(expected.from);
  expect(new URL(page.url()).searchParams.get("to")).toBe(expected.to);
  // A reload reads the range back from the URL, shown in the page's language.
  await page.reload();
  await expect(page.getByTestId("date-filter-from")).toHaveText(expected.shown);
}

test.describe("in French", () => {
  test.use({ locale: FRENCH.browserLocale });

  test("the runs filter's calendar reads in French and writes ISO instants to the URL", async ({ page }) => {
    await chooseRange(page, FRENCH);
  });

  test("a PagerDuty preset created in French writes French defaults, kept as written in Dutch", async ({
    page,
    browser,
    baseURL,
  }) => {
    const name = `PagerDuty fr ${Date.now()}`;
    await page.goto("/integrations");
    await page.getByRole("button", { name: "Nouvelle intégration" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouvelle intégration" });
    await dialog.getByText("PagerDuty", { exact: true }).click();
    await dialog.locator("#integration-name").fill(name);
    await expect(dialog.locator("#integration-language")).toHaveValue("fr");
    await dialog.getByRole("button", { name: "Créer", exact: true }).click();
    await expect(page).toHaveURL(/\/integrations\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").pop() ?? "";
    await expect(page.getByLabel("Nom de l'étape").first()).toHaveValue("Déclencher");
    await expect(page.getByTestId("message-preview").first()).toContainText("Accuser réception dans Alertflow");
    await expect(page.getByTestId("message-preview").first()).toContainText("Niveau d'escalade");
    // The unset key shows as a marker without words: the warning above names it in French.
    await expect(page.getByTestId("message-preview").first()).toContainText('"routing_key": "<RoutingKey>"');
    await shot(page, "fr-BE-integration-editor-pagerduty");

    // Stored exactly as the French preset words it: from now on these are the person's texts.
    const api = apiClient(baseURL ?? "");
    const stored = await api.integrations.get.query({ integrationId: id });
    expect(stored.customizations).toEqual(presetLanguageCustomizations("pagerduty", "fr"));

    // Read in Dutch, the texts and names stay as written: only Alertflow's own words change.
    const dutch = await browser.newContext({ baseURL, locale: "nl-BE", storageState: OWNER_STATE });
    try {
      const other = await dutch.newPage();
      await other.goto(`/integrations/${id}`);
      await expect(other.locator("html")).toHaveAttribute("lang", "nl");
      await expect(other.getByLabel("Naam van de stap").first()).toHaveValue("Déclencher");
      await expect(other.getByTestId("message-preview").first()).toContainText("Accuser réception dans Alertflow");
      await expect(other.getByTestId("message-preview").first()).not.toContainText("Bevestigen in Alertflow");
    } finally {
      await dutch.close();
    }
    expect((await api.integrations.get.query({ integrationId: id })).customizations).toEqual(stored.customizations);
  });
});

test.describe("in French, presets created elsewhere", () => {
  test.use({ locale: FRENCH.browserLocale });

  test("the template wizard's inline form creates a Slack integration with French default messages", async ({
    page,
    baseURL,
  }) => {
    const name = `Slack fr ${Date.now()}`;
    await page.goto("/flows");
    await page.getByRole("button", { name: "Nouveau flux" }).click();
    await page
      .getByRole("dialog", { name: "Nouveau flux" })
      .getByRole("article", { name: "Slack, avec e-mail si Slack échoue" })
      .getByRole("button", { name: /^Utiliser le modèle/ })
      .click();
    await page.getByTestId("placeholder-row").nth(0).locator("select").selectOption("__create__");
    const form = page.getByTestId("create-integration");
    await form.locator("#new-slack-name").fill(name);
    await form.locator("#new-slack-WebhookUrl").fill("https://hooks.example.com/services/T0/B0/x");
    await expect(form.locator("#new-slack-language")).toHaveValue("fr");
    await expect(form.getByText("Langue des messages par défaut")).toBeVisible();
    await shot(page, "fr-BE-template-wizard-create-integration");
    await form.getByRole("button", { name: "Créer Slack" }).click();
    await expect(form).toHaveCount(0);
    const api = apiClient(baseURL ?? "");
    const created = (await api.integrations.list.query()).find((i) => i.name === name);
    if (!created) throw new Error(`${name} was not created`);
    const stored = await api.integrations.get.query({ integrationId: created.id });
    expect(stored.customizations).toEqual(presetLanguageCustomizations("slack", "fr"));
  });

  test("an inbox created in French writes French messages, and keeps them when renamed", async ({ page, baseURL }) => {
    const name = `Boîte fr ${Date.now()}`;
    await page.goto("/integrations");
    await page.getByRole("button", { name: "Nouvelle intégration" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouvelle intégration" });
    await dialog.getByText("Boîte de réception Alertflow", { exact: true }).click();
    await dialog.locator("#integration-name").fill(name);
    await dialog.getByRole("button", { name: "Créer", exact: true }).click();
    await expect(page).toHaveURL(/\/integrations\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").pop() ?? "";
    const api = apiClient(baseURL ?? "");
    const french = presetLanguageCustomizations("inbox", "fr");
    expect((await api.integrations.get.query({ integrationId: id })).customizations).toEqual(french);
    await page.locator("#integration-name").fill(`${name} renommée`);
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect
      .poll(async () => (await api.integrations.get.query({ integrationId: id })).name)
      .toBe(`${name} renommée`);
    expect((await api.integrations.get.query({ integrationId: id })).customizations).toEqual(french);
  });
});

test.describe("in Dutch", () => {
  test.use({ locale: DUTCH.browserLocale });

  test("the runs filter's calendar reads in Dutch and writes ISO instants to the URL", async ({ page }) => {
    await chooseRange(page, DUTCH);
  });

  test("an uncustomized preset's step names and the preview's fallbacks read in Dutch", async ({ page, baseURL }) => {
    const api = apiClient(baseURL ?? "");
    const created = await api.integrations.create.mutate({
      type: "servicenow",
      name: `ServiceNow nl ${Date.now()}`,
      variables: { InstanceUrl: "https://example.service-now.com", Username: "alertflow" },
      secrets: { Password: "pw" },
    });
    await page.goto(`/integrations/${created.id}`);
    await expect(page.getByLabel("Naam van de stap").first()).toHaveValue("Incident aanmaken");
    await shot(page, "nl-BE-integration-editor-servicenow");
  });
});
