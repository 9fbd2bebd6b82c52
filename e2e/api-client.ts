import { readFileSync } from "node:fs";
import type { BrowserContext } from "@playwright/test";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { wireTransformer } from "~/core/wire/wire-transformer";
import type { AppRouter } from "~/server/routers/_app";
import { OWNER_TOKEN_FILE } from "./test-owner";

/**
 * The same typed tRPC API the UI uses, for arranging test data: as the test owner, through a
 * personal API token (global-setup.ts), or with the `authorization` header given.
 */
export function apiClient(baseURL: string, authorization = `Bearer ${readFileSync(OWNER_TOKEN_FILE, "utf8").trim()}`) {
  return clientWith(baseURL, { authorization });
}

function clientWith(baseURL: string, headers: Record<string, string>) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${baseURL}/api/trpc`, transformer: wireTransformer, headers })],
  });
}

/**
 * The API as the signed-in browser context: procedures that need a session (not a token), such as
 * the caller's own profile language.
 */
export async function sessionApiClient(context: BrowserContext, baseURL: string) {
  const cookie = (await context.cookies(baseURL)).map((c) => `${c.name}=${c.value}`).join("; ");
  return clientWith(baseURL, { cookie, origin: new URL(baseURL).origin });
}
