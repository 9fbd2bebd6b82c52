import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "~/server/routers/_app";

/** The same typed tRPC API the UI uses, for arranging test data. */
export function apiClient(baseURL: string) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${baseURL}/api/trpc`, transformer: superjson })],
  });
}
