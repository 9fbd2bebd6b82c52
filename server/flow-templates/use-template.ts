import { and, eq, inArray } from "drizzle-orm";
import { integrations } from "~/db/schema";
import { domainRefusal } from "~/core/domain-error";
import { bindPlaceholders } from "~/core/flow-templates/bind-placeholders";
import { integrationPhrase } from "~/core/flow-templates/describe-template";
import type { TemplateIssue } from "~/core/flow-templates/template-issue";
import { createFlow, publishFlow } from "../flows/flow-service";
import type { ActingScope } from "./save-template";
import type { UseTemplateInput } from "./template-inputs";
import { resolveTemplate } from "./template-store";
import { versionNotes } from "./version-notes";

/**
 * Creates a flow from a template: each placeholder is bound to an integration of this workspace
 * of the placeholder's type (all are checked before anything is written), the flow records which
 * template and version it came from, and it is published at once when asked.
 */
export async function useTemplate(scope: ActingScope, input: UseTemplateInput) {
  const { document, origin } = await resolveTemplate(scope, input.ref, input.locale);
  const ids = [...new Set(Object.values(input.mapping))];
  const rows =
    ids.length === 0
      ? []
      : await scope.db
          .select({ id: integrations.id, type: integrations.type, name: integrations.name })
          .from(integrations)
          .where(and(eq(integrations.workspaceId, scope.workspaceId), inArray(integrations.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));

  const issues: TemplateIssue[] = document.placeholders.flatMap((placeholder): TemplateIssue[] => {
    const path = `mapping.${placeholder.key}`;
    const needs = integrationPhrase(placeholder.integrationType);
    const chosen = Object.hasOwn(input.mapping, placeholder.key) ? input.mapping[placeholder.key] : undefined;
    if (chosen === undefined) {
      return [{ code: "placeholder", path, message: `Choose ${needs} for "${placeholder.label}".` }];
    }
    const row = byId.get(chosen);
    if (!row) {
      return [
        { code: "placeholder", path, message: `"${placeholder.label}": that integration is not in this workspace.` },
      ];
    }
    if (row.type !== placeholder.integrationType) {
      return [
        {
          code: "placeholder",
          path,
          message: `"${placeholder.label}" needs ${needs}; "${row.name}" is of another type.`,
        },
      ];
    }
    return [];
  });
  const known = new Set(document.placeholders.map((p) => p.key));
  for (const key of Object.keys(input.mapping)) {
    if (!known.has(key)) {
      issues.push({
        code: "placeholder",
        path: `mapping.${key}`,
        message: `The template has no placeholder "${key}".`,
      });
    }
  }
  if (issues.length > 0) {
    throw domainRefusal(
      "INVALID_INPUT",
      issues[0]?.message ?? "The mapping is incomplete",
      "templateMappingIncomplete",
      { count: issues.length },
      { issues },
    );
  }

  const graph = bindPlaceholders(document, input.mapping);
  const flow = await createFlow(scope, {
    name: input.name,
    description: document.description,
    graph,
    templateOrigin: origin,
  });
  const published = input.publish
    ? await publishFlow(scope, {
        flowId: flow.id,
        note: (await versionNotes(input.locale)).createdFromTemplate(origin.name, origin.version),
      })
    : null;
  return { flowId: flow.id, origin, published: published ? { version: published.version } : null };
}
