import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { wireTransformer } from "~/core/wire/wire-transformer";
import type { AppRouter } from "~/server/routers/_app";

/** The same typed tRPC API the UI uses, for arranging test data. */
export function apiClient(baseURL: string) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${baseURL}/api/trpc`, transformer: wireTransformer })],
  });
}
