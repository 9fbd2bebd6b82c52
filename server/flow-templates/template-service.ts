import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { templates } from "~/db/schema";
import { notFound } from "~/core/domain-error";
import type { updateTemplateInput } from "./template-inputs";
import type { TemplateScope } from "./template-store";

/**
 * Name, description and tags describe the template as a whole; changing them adds no version
 * (versions are about what the flow does). Flows made from it keep the name they recorded.
 */
export async function updateTemplate(scope: TemplateScope, input: z.infer<typeof updateTemplateInput>) {
  const [row] = await scope.db
    .update(templates)
    .set({ name: input.name, description: input.description, tags: input.tags, updatedAt: new Date() })
    .where(and(eq(templates.id, input.templateId), eq(templates.workspaceId, scope.workspaceId)))
    .returning({ id: templates.id });
  if (!row) throw notFound("template", input.templateId);
  return row;
}

/** Deletes the template, its versions and share links; flows made from it keep their origin. */
export async function deleteTemplate(scope: TemplateScope, templateId: string) {
  const [row] = await scope.db
    .delete(templates)
    .where(and(eq(templates.id, templateId), eq(templates.workspaceId, scope.workspaceId)))
    .returning({ id: templates.id });
  if (!row) throw notFound("template", templateId);
  return row;
}
