import { z } from "zod";

/**
 * Which template (and which version of it) a flow was created from, kept on the flow. It names
 * the template rather than only pointing at it, so the flow still tells where it came from after
 * the template is deleted.
 */
export const templateOriginSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("builtin"), key: z.string(), version: z.number().int(), name: z.string() }),
  z.object({
    kind: z.literal("workspace"),
    templateId: z.string().uuid(),
    versionId: z.string().uuid(),
    version: z.number().int(),
    name: z.string(),
  }),
]);
export type TemplateOrigin = z.infer<typeof templateOriginSchema>;
