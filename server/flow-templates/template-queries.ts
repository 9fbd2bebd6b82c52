import { and, asc, desc, eq, sql } from "drizzle-orm";
import { flows, templates, templateVersions, type Template } from "~/db/schema";
import { notFound } from "~/core/domain-error";
import { builtinTemplates } from "~/core/flow-templates/builtin";
import type { Locale } from "~/core/i18n/locales";
import { localizedBuiltin } from "./localized-builtin";
import { describeTemplate } from "~/core/flow-templates/describe-template";
import { documentOf, loadTemplateRow, type TemplateScope } from "./template-store";

/** Flows per template of the workspace that were created from it, in one query. */
async function usageCounts(scope: TemplateScope): Promise<Map<string, number>> {
  const origin = sql<string>`${flows.templateOrigin}->>'templateId'`;
  const rows = await scope.db
    .select({ templateId: origin, count: sql<number>`count(*)`.mapWith(Number) })
    .from(flows)
    .where(and(eq(flows.workspaceId, scope.workspaceId), sql`${flows.templateOrigin}->>'kind' = 'workspace'`))
    .groupBy(origin);
  return new Map(rows.map((r) => [r.templateId, r.count]));
}

const workspaceCard = (template: Template, document: ReturnType<typeof documentOf>, usedBy: number) => ({
  ref: { kind: "workspace" as const, templateId: template.id },
  ...describeTemplate(document),
  createdAt: template.createdAt,
  updatedAt: template.updatedAt,
  usedBy,
});

/** The gallery: the built-ins, then the workspace's own templates, newest first. */
export async function listTemplates(scope: TemplateScope, locale: Locale = "en") {
  const [rows, usage] = await Promise.all([
    scope.db
      .select({ template: templates, version: templateVersions })
      .from(templates)
      .innerJoin(
        templateVersions,
        and(eq(templateVersions.templateId, templates.id), eq(templateVersions.version, templates.latestVersion)),
      )
      .where(eq(templates.workspaceId, scope.workspaceId))
      .orderBy(desc(templates.updatedAt)),
    usageCounts(scope),
  ]);
  return {
    builtin: await Promise.all(
      builtinTemplates().map(async (builtin) => ({
        ref: { kind: "builtin" as const, key: builtin.key },
        ...describeTemplate(await localizedBuiltin(builtin, locale)),
      })),
    ),
    workspace: rows.map(({ template, version }) =>
      workspaceCard(template, documentOf(template, version), usage.get(template.id) ?? 0),
    ),
  };
}

/** One workspace template (its latest version, or `version`), its history and the flows made from it. */
export async function getTemplate(scope: TemplateScope, templateId: string, version?: number) {
  const template = await loadTemplateRow(scope, templateId);
  const versions = await scope.db
    .select()
    .from(templateVersions)
    .where(eq(templateVersions.templateId, template.id))
    .orderBy(desc(templateVersions.version));
  const shown = versions.find((v) => v.version === (version ?? template.latestVersion));
  if (!shown) throw notFound("version", template.id, `Version ${version ?? template.latestVersion} of template`);
  const madeFrom = await scope.db
    .select({ id: flows.id, name: flows.name, version: sql<number>`(${flows.templateOrigin}->>'version')::int` })
    .from(flows)
    .where(and(eq(flows.workspaceId, scope.workspaceId), sql`${flows.templateOrigin}->>'templateId' = ${template.id}`))
    .orderBy(asc(flows.name));
  return {
    ...workspaceCard(template, documentOf(template, shown), madeFrom.length),
    latestVersion: template.latestVersion,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      note: v.note,
      author: v.authorName,
      createdAt: v.createdAt,
    })),
    flows: madeFrom,
  };
}
