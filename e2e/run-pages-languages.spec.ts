import { freePort } from "~/scripts/free-port";
import { expect, test, type Page } from "@playwright/test";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { apiClient } from "./api-client";
import { escalatingFlow, postErrorAlert } from "./incident-fixture";
import { pageShot } from "./page-shot";

const SHOTS = "test-results/run-pages";

/** What the run page and the failed deliveries say, in the language under test. */
interface Words {
  browserLocale: string;
  timeline: string;
  nextHeading: string;
  nextStep: RegExp;
  errorMessage: string;
  failed: string;
  attempts: string;
  failedTitle: string;
  failedEmptyOrRows: string;
  latencyPrecision: RegExp;
}

const FRENCH: Words = {
  browserLocale: "fr-BE",
  timeline: "Chronologie",
  nextHeading: "La suite",
  nextStep: /^Niveau 2 à .* sauf prise en compte$/,
  errorMessage: "Message d’erreur",
  failed: "Échoué",
  attempts: "1 tentative",
  failedTitle: "Livraisons en échec",
  failedEmptyOrRows: "Dernière erreur",
  latencyPrecision: /à 9,1 % près/,
};

const DUTCH: Words = {
  browserLocale: "nl-BE",
  timeline: "Tijdlijn",
  nextHeading: "Wat er nu gebeurt",
  nextStep: /^Niveau 2 om .* tenzij bevestigd$/,
  errorMessage: "Foutbericht",
  failed: "Mislukt",
  attempts: "1 poging",
  failedTitle: "Mislukte afleveringen",
  failedEmptyOrRows: "Laatste fout",
  latencyPrecision: /binnen 9,1 %/,
};

const shot = (page: Page, name: string) => pageShot(page, `${SHOTS}/${name}.png`, { fullPage: true });

/** A receiver that refuses every message (400): the error message fails at once, level 2 waits. */
async function refusingIncident(base: string, label: string) {
  const receiver = await startReceiver(() => ({ status: 400, body: '{"error":"channel archived"}' }));
  const stamp = Date.now();
  const { token, flowId } = await escalatingFlow(apiClient(base), {
    name: `${label} ${stamp}`,
    hookName: `${label} hook ${stamp}`,
    hookUrl: `${receiver.url}/hook`,
    levelsAfterSeconds: [0, 900],
  });
  const key = `${label.toLowerCase()}-${stamp}`;
  await postErrorAlert(base, token, key, "Payments API answers 500");
  await receiver.waitFor(1, 30_000);
  return { receiver, key, token, flowId };
}

async function readsIn(page: Page, base: string, words: Words) {
  let receiver: Receiver | undefined;
  try {
    const incident = await refusingIncident(base, words.browserLocale);
    receiver = incident.receiver;
    await page.goto("/runs");
    await page.getByTestId("run-row").filter({ hasText: incident.key }).getByRole("link").click();
    await expect(page.getByRole("heading", { name: words.timeline })).toBeVisible();
    await expect(page.getByRole("heading", { name: words.nextHeading })).toBeVisible();
    await expect(page.getByTestId("next-step").first().locator("span").first()).toHaveText(words.nextStep);
    const delivery = page.getByTestId("delivery").filter({ hasText: words.errorMessage });
    await expect(delivery).toHaveAttribute("data-status", "failed");
    await expect(delivery).toContainText(words.failed);
    await expect(delivery).toContainText(words.attempts);
    await shot(page, `${words.browserLocale}-run`);

    await page.goto("/runs/failed");
    await expect(page.getByText(words.failedTitle).first()).toBeVisible();
    await expect(page.getByRole("columnheader", { name: words.failedEmptyOrRows })).toBeVisible();
    await expect(page.getByTestId("dead-letter").filter({ hasText: incident.key })).toHaveCount(1);
    await shot(page, `${words.browserLocale}-failed`);

    // The insights say how precise the rolled-up latency percentiles are.
    await page.goto("/runs/insights");
    await expect(page.getByRole("img", { name: words.latencyPrecision })).toBeVisible();
    await shot(page, `${words.browserLocale}-insights`);
  } finally {
    await receiver?.close();
  }
}

test.describe("in French", () => {
  test.use({ locale: FRENCH.browserLocale });
  test("the run page and the failed deliveries read in French", async ({ page, baseURL }) => {
    await readsIn(page, baseURL ?? "", FRENCH);
  });
});

test.describe("Alertflow's own delivery error in French", () => {
  test.use({ locale: FRENCH.browserLocale });
  test("a refused private address reads in French on the run page and the failed deliveries", async ({
    page,
    baseURL,
  }) => {
    const base = baseURL ?? "";
    const stamp = Date.now();
    // Private and not on the e2e server's allow-list (loopback only): the worker refuses to send.
    const host = `10.${stamp % 250}.77.9`;
    const { token } = await escalatingFlow(apiClient(base), {
      name: `Private ${stamp}`,
      hookName: `Private hook ${stamp}`,
      hookUrl: `http://${host}:8080/hook`,
      levelsAfterSeconds: [0],
    });
    const key = `private-${stamp}`;
    await postErrorAlert(base, token, key, "Sent nowhere");
    const french = `Alertflow refuse de se connecter à ${host}:8080 : cette adresse correspond à l'adresse interne ${host}.`;

    await page.goto("/runs/failed");
    const row = page.getByTestId("dead-letter").filter({ hasText: key });
    await expect(row).toContainText(french, { timeout: 30_000 });
    await expect(row).not.toContainText("Refusing to connect");

    await page.goto("/runs");
    await page.getByTestId("run-row").filter({ hasText: key }).getByRole("link").click();
    const delivery = page.getByTestId("delivery").filter({ hasText: FRENCH.errorMessage });
    await expect(delivery).toHaveAttribute("data-status", "failed");
    await expect(delivery).toContainText(french);
    await expect(delivery).not.toContainText("OUTBOUND_BLOCKED");
    await shot(page, "fr-BE-alertflow-error");
  });
});

test.describe("in Dutch", () => {
  test.use({ locale: DUTCH.browserLocale });
  test("the run page and the failed deliveries read in Dutch", async ({ page, baseURL }) => {
    await readsIn(page, baseURL ?? "", DUTCH);
  });
});

test.describe("a receiver Alertflow cannot reach, in Dutch", () => {
  test.use({ locale: DUTCH.browserLocale });
  test("reads in Dutch on the run page with its host and the OS code", async ({ page, baseURL }) => {
    const base = baseURL ?? "";
    const stamp = Date.now();
    const { token } = await escalatingFlow(apiClient(base), {
      name: `Unreachable ${stamp}`,
      hookName: `Unreachable hook ${stamp}`,
      hookUrl: `http://127.0.0.1:${await freePort()}/hook?token=t0ken`,
      levelsAfterSeconds: [0],
    });
    const key = `unreachable-${stamp}`;
    await postErrorAlert(base, token, key, "Sent to a closed port");

    await page.goto("/runs");
    await page.getByTestId("run-row").filter({ hasText: key }).getByRole("link").click();
    // Retried with backoff: the delivery waits for its next attempt, its latest error shown.
    const delivery = page.getByTestId("delivery").first();
    await expect(delivery).toContainText(
      "Alertflow kon 127.0.0.1 niet bereiken: de verbinding mislukte (ECONNREFUSED).",
      { timeout: 30_000 },
    );
    await expect(delivery).not.toContainText("NETWORK_ERROR");
  });
});

test("the failed deliveries follow new failures live, without a reload", async ({ page, baseURL }) => {
  const base = baseURL ?? "";
  const receiver = await startReceiver(() => ({ status: 400, body: "no" }));
  try {
    const stamp = Date.now();
    const { token } = await escalatingFlow(apiClient(base), {
      name: `Live dead letters ${stamp}`,
      hookName: `Live hook ${stamp}`,
      hookUrl: `${receiver.url}/hook`,
      levelsAfterSeconds: [0],
    });
    await page.goto("/runs/failed");
    await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
    const key = `live-failure-${stamp}`;
    await expect(page.getByTestId("dead-letter").filter({ hasText: key })).toHaveCount(0);
    await postErrorAlert(base, token, key, "Fails while the page is open");
    await expect(page.getByTestId("dead-letter").filter({ hasText: key })).toHaveCount(1, { timeout: 30_000 });
  } finally {
    await receiver.close();
  }
});

test("an archived flow can still be picked in the runs filter", async ({ page, baseURL }) => {
  const base = baseURL ?? "";
  const api = apiClient(base);
  const receiver = await startReceiver();
  try {
    const stamp = Date.now();
    const name = `Retired ${stamp}`;
    const { token, flowId } = await escalatingFlow(api, {
      name,
      hookName: `Retired hook ${stamp}`,
      hookUrl: `${receiver.url}/hook`,
      levelsAfterSeconds: [0],
    });
    const key = `retired-${stamp}`;
    await postErrorAlert(base, token, key, "Before the flow was retired");
    await receiver.waitFor(1, 30_000);
    await api.flows.setArchived.mutate({ flowId, archived: true });

    await page.goto("/runs");
    const select = page.getByRole("combobox", { name: "Flow" });
    await expect(select.locator('optgroup[label="Archived flows"] option', { hasText: name })).toHaveCount(1);
    await select.selectOption(flowId);
    await expect(page).toHaveURL(new RegExp(`flow=${flowId}`));
    await expect(page.getByTestId("run-row")).toHaveCount(1);
    await expect(page.getByTestId("run-row")).toContainText(key);
  } finally {
    await receiver.close();
  }
});
