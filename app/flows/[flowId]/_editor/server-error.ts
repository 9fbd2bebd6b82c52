import { z } from "zod";
import { domainErrorData, type DomainIssue } from "~/app/_lib/domain-error-data";

/** The parts of a tRPC error the editor branches on (see server/trpc.ts's errorFormatter). */
const errorData = z.object({ code: z.string().optional(), domain: domainErrorData.nullish() });

export interface ServerError {
  /** tRPC code, e.g. CONFLICT, BAD_REQUEST. */
  code: string | undefined;
  message: string;
  issues: DomainIssue[];
}

export function readServerError(err: unknown): ServerError {
  const message = err instanceof Error ? err.message : String(err);
  const data = err instanceof Error && "data" in err ? errorData.safeParse(err.data) : null;
  if (!data?.success) return { code: undefined, message, issues: [] };
  return { code: data.data.code, message, issues: data.data.domain?.issues ?? [] };
}
