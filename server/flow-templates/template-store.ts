import { and, desc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { templates, templateVersions, type Template, type TemplateVersion } from "~/db/schema";
import { notFound } from "~/core/domain-error";
import { findBuiltinTemplate } from "~/core/flow-templates/builtin";
import type { Locale } from "~/core/i18n/locales";
import { localizedBuiltin } from "./localized-builtin";
import { readTemplateDocument } from "~/core/flow-templates/read-template";
import {
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  type FlowTemplateDocument,
} from "~/core/flow-templates/template-document";
import type { TemplateOrigin } from "~/core/flow-templates/template-origin";
import type { TemplateRef } from "./template-inputs";

export interface TemplateScope {
  db: Db;
  workspaceId: string;
}

/** One template of the scope's workspace; another workspace's id is simply not found. */
export async function loadTemplateRow(scope: TemplateScope, templateId: string): Promise<Template> {
  const row = await scope.db.query.templates.findFirst({
    where: and(eq(templates.id, templateId), eq(templates.workspaceId, scope.workspaceId)),
  });
  if (!row) throw notFound("template", templateId);
  return row;
}

export async function loadTemplateVersion(db: Db, template: Template, version?: number): Promise<TemplateVersion> {
  const row = await db.query.templateVersions.findFirst({
    where: and(
      eq(templateVersions.templateId, template.id),
      eq(templateVersions.version, version ?? template.latestVersion),
    ),
    orderBy: desc(templateVersions.version),
  });
  if (!row) throw notFound("version", template.id, `Version ${version ?? template.latestVersion} of template`);
  return row;
}

/**
 * A stored version as a template document: the template's name, description, tags and author
 * with the version's graph and placeholders. Stored jsonb is parsed (and old graphs upgraded) on
 * read like any other document; everything was checked on write, so a failure here is a bug.
 */
export function documentOf(template: Template, version: TemplateVersion): FlowTemplateDocument {
  const read = readTemplateDocument({
    format: TEMPLATE_FORMAT,
    formatVersion: TEMPLATE_FORMAT_VERSION,
    name: template.name,
    description: template.description,
    tags: template.tags,
    author: template.authorName,
    version: version.version,
    placeholders: version.placeholders,
    graph: version.graph,
  });
  if (!read.ok) throw new Error(`Stored template ${template.id} v${version.version}: ${read.issues[0]?.message ?? ""}`);
  return read.value;
}

/** The document a reference names, and what a flow made from it records as its origin. */
export async function resolveTemplate(
  scope: TemplateScope,
  ref: TemplateRef,
  /** Words a built-in in this language; without it (export) a built-in stays in English. */
  locale?: Locale,
): Promise<{ document: FlowTemplateDocument; origin: TemplateOrigin }> {
  if (ref.kind === "builtin") {
    const builtin = findBuiltinTemplate(ref.key);
    if (!builtin) throw notFound("builtinTemplate", ref.key);
    const document = locale ? await localizedBuiltin(builtin, locale) : builtin.document;
    return { document, origin: { kind: "builtin", key: ref.key, version: document.version, name: document.name } };
  }
  const template = await loadTemplateRow(scope, ref.templateId);
  const version = await loadTemplateVersion(scope.db, template, ref.version);
  const document = documentOf(template, version);
  return {
    document,
    origin: {
      kind: "workspace",
      templateId: template.id,
      versionId: version.id,
      version: version.version,
      name: document.name,
    },
  };
}
