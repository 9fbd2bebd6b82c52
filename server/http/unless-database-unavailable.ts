import { isConnectionError } from "~/db/connection-retry";

/**
 * What `read` returns, or during a database outage what `unavailable` returns: a signed-out
 * page renders its "database unavailable, retrying" notice instead of the generic error page.
 * Every other error (redirects and not-found among them) passes through.
 */
export async function unlessDatabaseUnavailable<T>(read: () => Promise<T>, unavailable: () => T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isConnectionError(error)) return unavailable();
    throw error;
  }
}
