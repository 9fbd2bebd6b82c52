import "server-only";
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { wireTransformer } from "~/core/wire/wire-transformer";
import { grants, type Access } from "~/core/accounts/access";
import type { Context } from "./context";
import { env } from "./env";
import { publicError } from "./http/public-error";
import { DomainError, type DomainErrorCode } from "~/core/domain-error";
import { databaseUnavailable } from "./http/database-unavailable";
import { flattenIssues, inputIssues, issuesMessage } from "./http/input-issues";

const trpcCodeFor: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  INVALID_GRAPH: "BAD_REQUEST",
  INVALID_INPUT: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  FLOW_DISABLED: "CONFLICT",
  NOT_PUBLISHED: "PRECONDITION_FAILED",
  INTEGRATION_IN_USE: "CONFLICT",
  UNAUTHORIZED: "UNAUTHORIZED",
  SECRETS_UNREADABLE: "PRECONDITION_FAILED",
  FORBIDDEN: "FORBIDDEN",
};

/**
 * Who may call a procedure. Every procedure declares one (the authorization matrix test reads it
 * from the router); "anonymous" is for the few that serve signed-out pages.
 */
export type { Access };
export interface ProcedureMeta {
  access: Access;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: wireTransformer,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const { stack: _stack, ...data } = shape.data;
      // A rejected input: its issues, each with the field it names, instead of the JSON dump of
      // them tRPC puts in the message.
      const issues = error.code === "BAD_REQUEST" ? inputIssues(cause) : null;
      const shown = publicError(
        issues ? { code: error.code, message: issuesMessage(issues) } : error,
        shape.data.stack,
        env.NODE_ENV === "production",
      );
      return {
        ...shape,
        message: shown.message,
        data: {
          ...data,
          ...(shown.stack === undefined ? {} : { stack: shown.stack }),
          zodError: issues ? flattenIssues(issues) : null,
          // Each issue's field, code and rule, for the page to word in its language.
          inputIssues: issues,
          // The reason and its values let the interface word the refusal in its own language.
          domain: cause instanceof DomainError ? { code: cause.code, ...cause.details, ...cause.why } : null,
        },
      };
    },
  });

/**
 * Domain errors become tRPC errors here, at the edge, and nowhere else. A lost or refused
 * database connection is a 503 the client may retry, not an internal error.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeFor[cause.code], message: cause.message, cause });
  }
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    const unavailable = databaseUnavailable(result.error.cause);
    if (unavailable) throw unavailable;
  }
  return result;
});

/** Refuses a caller whose role in the workspace is below the procedure's declared access. */
const requireAccess = t.middleware(({ ctx, meta, next }) => {
  if (!meta) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "procedure declares no access" });
  if (!grants(ctx.role, meta.access)) {
    throw new TRPCError({
      code: ctx.role === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN",
      message: `needs ${meta.access}`,
    });
  }
  return next();
});

const declared = (access: Access) => t.procedure.meta({ access }).use(domainErrors).use(requireAccess);

export const router = t.router;
export const anonymousProcedure = declared("anonymous");
/**
 * Any signed-in person, with or without a workspace: account-level actions. Only with the
 * session cookie: an API token is scoped to one workspace and cannot act on the account.
 */
export const userProcedure = declared("user").use(({ ctx, next }) => {
  if (!ctx.sessionId || !ctx.actor.userId) {
    throw new TRPCError({
      code: ctx.role === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN",
      message: "needs a signed-in session",
    });
  }
  return next({ ctx: { sessionId: ctx.sessionId, userId: ctx.actor.userId } });
});
export const viewerProcedure = declared("viewer");
export const editorProcedure = declared("editor");
export const ownerProcedure = declared("owner");
export const createCallerFactory = t.createCallerFactory;
