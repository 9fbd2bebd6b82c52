import { z } from "zod";

/**
 * `data.domain` of a tRPC error, as server/trpc.ts's errorFormatter writes it from a DomainError:
 * its code and details. Pages read it to word a refusal in their own language.
 */
export const domainErrorData = z.object({
  code: z.string(),
  issues: z
    .array(
      z.object({
        code: z.string(),
        message: z.string(),
        nodeId: z.string().optional(),
        path: z.string().optional(),
        templateCode: z.string().optional(),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        line: z.number().nullish(),
        column: z.number().nullish(),
        secrets: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  flows: z.array(z.object({ name: z.string(), version: z.number() })).optional(),
});

export type DomainIssue = NonNullable<z.infer<typeof domainErrorData>["issues"]>[number];
