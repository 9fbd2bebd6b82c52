"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { useState, type ReactNode } from "react";
import { wireTransformer } from "~/core/wire/wire-transformer";
import type { AppRouter } from "~/server/routers/_app";
import { DatabaseUnavailableBanner } from "../_components/database-unavailable-banner";
import { isServiceUnavailable, SERVICE_UNAVAILABLE_RETRY_MS } from "./service-unavailable";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export function TrpcQueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 5_000,
            refetchOnWindowFocus: false,
            // A database outage is waited out (the banner says so) rather than shown as a failed page.
            retry: (failures, error) => isServiceUnavailable(error) || failures < 3,
            retryDelay: (failures, error) =>
              isServiceUnavailable(error) ? SERVICE_UNAVAILABLE_RETRY_MS : Math.min(1000 * 2 ** failures, 30_000),
          },
        },
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: "/api/trpc", transformer: wireTransformer })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <DatabaseUnavailableBanner />
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
