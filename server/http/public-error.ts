import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

export const INTERNAL_ERROR_MESSAGE = "Internal server error";

/**
 * What a client may read of an error. An unexpected error's message can carry SQL, query
 * parameters or a receiver's answer (a DrizzleQueryError starts "Failed query: …"), so in
 * production it is replaced, and no stack is sent; the server log keeps the original.
 */
export function publicError(
  error: { code: TRPC_ERROR_CODE_KEY; message: string },
  stack: string | undefined,
  production: boolean,
): { message: string; stack?: string } {
  if (!production) return { message: error.message, ...(stack === undefined ? {} : { stack }) };
  return { message: error.code === "INTERNAL_SERVER_ERROR" ? INTERNAL_ERROR_MESSAGE : error.message };
}
