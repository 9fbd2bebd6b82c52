import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { signInTestOwner } from "./sign-in-owner";
import { OWNER_STATE, OWNER_TOKEN_FILE } from "./test-owner";

/** Signs the test owner in once for every spec: the cookie for pages, a token for api-client.ts. */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
  const { token, storageState } = await signInTestOwner(baseURL);
  mkdirSync(path.dirname(OWNER_STATE), { recursive: true });
  writeFileSync(OWNER_TOKEN_FILE, token);
  writeFileSync(OWNER_STATE, JSON.stringify(storageState));
}
