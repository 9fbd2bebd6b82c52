import { z } from "zod";

/** The parts of a tRPC error the editor branches on (see server/trpc.ts's errorFormatter). */
const errorData = z.object({
  code: z.string().optional(),
  domain: z
    .object({
      code: z.string(),
      issues: z
        .array(
          z.object({
            code: z.string(),
            message: z.string(),
            nodeId: z.string().optional(),
            params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
          }),
        )
        .optional(),
    })
    .nullish(),
});

export interface ServerError {
  /** tRPC code, e.g. CONFLICT, BAD_REQUEST. */
  code: string | undefined;
  message: string;
  issues: { code: string; message: string; nodeId?: string; params?: Record<string, string | number> }[];
}

export function readServerError(err: unknown): ServerError {
  const message = err instanceof Error ? err.message : String(err);
  const data = err instanceof Error && "data" in err ? errorData.safeParse(err.data) : null;
  if (!data?.success) return { code: undefined, message, issues: [] };
  return { code: data.data.code, message, issues: data.data.domain?.issues ?? [] };
}
