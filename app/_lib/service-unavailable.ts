import { TRPCClientError } from "@trpc/client";

/** The server's 503 for a database it cannot reach: worth asking again after its Retry-After. */
export function isServiceUnavailable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data: unknown = error.data;
  return typeof data === "object" && data !== null && "code" in data && data.code === "SERVICE_UNAVAILABLE";
}

/** What the server's Retry-After says, in milliseconds. */
export const SERVICE_UNAVAILABLE_RETRY_MS = 5_000;
