import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

/** Any loading placeholder, in any of the three languages. */
export const LOADING = /loading…|chargement|laden…/i;

/**
 * A screenshot of the page as a person reads it: nothing says it is still loading and the fonts
 * are in. Not "network idle": the run pages keep a live event stream open, so the network of a
 * page that once showed runs is never idle (the French journey timed out on it in CI).
 */
export async function pageShot(page: Page, file: string, options: { fullPage?: boolean } = {}) {
  await expect(page.getByText(LOADING)).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
}
