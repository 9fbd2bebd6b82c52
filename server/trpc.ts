import "server-only";
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Context } from "./context";
import { DomainError, type DomainErrorCode } from "~/core/domain-error";

const trpcCodeFor: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  INVALID_GRAPH: "BAD_REQUEST",
  INVALID_INPUT: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  FLOW_DISABLED: "CONFLICT",
  NOT_PUBLISHED: "PRECONDITION_FAILED",
  INTEGRATION_IN_USE: "CONFLICT",
  UNAUTHORIZED: "UNAUTHORIZED",
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: cause instanceof ZodError ? cause.flatten() : null,
        domain: cause instanceof DomainError ? { code: cause.code, ...cause.details } : null,
      },
    };
  },
});

/** Domain errors become tRPC errors here, at the edge, and nowhere else. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeFor[cause.code], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(domainErrors);
export const createCallerFactory = t.createCallerFactory;
