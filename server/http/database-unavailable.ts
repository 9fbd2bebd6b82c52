import { TRPCError } from "@trpc/server";
import { isConnectionError } from "~/db/connection-retry";

/** How long a client waits before asking again: a restart or failover takes seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable. Retry in a few seconds.";

/**
 * The 503 for an error that is a lost or refused database connection (refused, dropped by a
 * restart or pg_terminate_backend, a pool that timed out connecting); undefined for any other
 * error, which stays what it was. The driver's text (host, port) stays on the server.
 */
export function databaseUnavailable(error: unknown): TRPCError | undefined {
  if (!isConnectionError(error)) return undefined;
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, cause: error });
}
