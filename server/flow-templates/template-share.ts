import type { Locale } from "~/core/i18n/locales";
import { versionNotes } from "./version-notes";
import { timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { templates, templateShareLinks } from "~/db/schema";
import { notFound, domainRefusal } from "~/core/domain-error";
import { describeTemplate } from "~/core/flow-templates/describe-template";
import { hashToken, newToken } from "../security/secret-token";
import { insertTemplate, type ActingScope } from "./save-template";
import { documentOf, loadTemplateRow, loadTemplateVersion, type TemplateScope } from "./template-store";
import { recordAudit, type AuditActor } from "../audit/record-audit";

/** Share links hand a template to anyone holding one: who made or revoked one is audited. */
type SharingScope = TemplateScope & { actor: AuditActor };

/** The public path of a share link; the page lives in app/share/templates/[token]. */
export const sharePath = (token: string) => `/share/templates/${token}`;

/** The token is shown once, here; only its hash is stored (as endpoint tokens are). 192 random bits. */
export async function createShareLink(scope: SharingScope, templateId: string) {
  const template = await loadTemplateRow(scope, templateId);
  const { token, hash, displayPrefix } = newToken("tpl_");
  const row = await scope.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(templateShareLinks)
      .values({ templateId, tokenHash: hash, tokenPrefix: displayPrefix })
      .returning({ id: templateShareLinks.id, createdAt: templateShareLinks.createdAt });
    if (!inserted) throw new Error("insert returned no row");
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: "share_link.created",
      targetId: inserted.id,
      detail: { templateId, templateName: template.name },
    });
    return inserted;
  });
  return { id: row.id, token, path: sharePath(token), createdAt: row.createdAt };
}

export async function listShareLinks(scope: TemplateScope, templateId: string) {
  await loadTemplateRow(scope, templateId);
  return scope.db
    .select({
      id: templateShareLinks.id,
      tokenPrefix: templateShareLinks.tokenPrefix,
      createdAt: templateShareLinks.createdAt,
      revokedAt: templateShareLinks.revokedAt,
    })
    .from(templateShareLinks)
    .where(eq(templateShareLinks.templateId, templateId))
    .orderBy(desc(templateShareLinks.createdAt));
}

export async function revokeShareLink(scope: SharingScope, templateId: string, linkId: string) {
  const template = await loadTemplateRow(scope, templateId);
  return scope.db.transaction(async (tx) => {
    const [row] = await tx
      .update(templateShareLinks)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(templateShareLinks.id, linkId),
          eq(templateShareLinks.templateId, templateId),
          isNull(templateShareLinks.revokedAt),
        ),
      )
      .returning({ id: templateShareLinks.id });
    if (!row) throw notFound("shareLink", linkId);
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: "share_link.revoked",
      targetId: row.id,
      detail: { templateId, templateName: template.name },
    });
    return row;
  });
}

/** Unknown, malformed and revoked tokens all get this one answer. */
const linkGone = () =>
  domainRefusal("NOT_FOUND", "This template link does not exist or was revoked.", "templateLinkGone", {});

/**
 * The template behind an active link. The lookup goes by hash (so the token itself is never
 * compared or stored); the stored hash is then compared in constant time as well.
 */
async function sharedTemplate(db: Db, token: string) {
  const hash = hashToken(token);
  const hashBytes = Buffer.from(hash, "hex");
  const [found] = await db
    .select({ template: templates, storedHash: templateShareLinks.tokenHash })
    .from(templateShareLinks)
    .innerJoin(templates, eq(templates.id, templateShareLinks.templateId))
    .where(and(eq(templateShareLinks.tokenHash, hash), isNull(templateShareLinks.revokedAt)))
    .limit(1);
  const stored = found ? Buffer.from(found.storedHash, "hex") : undefined;
  if (!found || !stored || stored.length !== hashBytes.length || !timingSafeEqual(stored, hashBytes)) throw linkGone();
  return found.template;
}

/**
 * What the public page shows: the template and nothing else. No ids, no workspace, no author
 * account, no flows made from it; the graph has no integration ids and never held secrets.
 */
export async function readSharedTemplate(db: Db, token: string) {
  const template = await sharedTemplate(db, token);
  const document = documentOf(template, await loadTemplateVersion(db, template));
  const { author: _author, ...view } = describeTemplate(document);
  return { ...view, updatedAt: template.updatedAt };
}

/**
 * "Use this template" from a shared link: the signed-in editor's workspace gets its own copy of
 * the template's latest version (or the template itself when it is already theirs), which the
 * wizard then turns into a flow.
 */
export async function copySharedTemplate(scope: ActingScope, token: string, locale: Locale = "en") {
  const template = await sharedTemplate(scope.db, token);
  if (template.workspaceId === scope.workspaceId) return { templateId: template.id, copied: false };
  const document = documentOf(template, await loadTemplateVersion(scope.db, template));
  const saved = await insertTemplate(scope, document, {
    note: (await versionNotes(locale)).addedFromSharedLink(),
    sourceFlowId: null,
  });
  return { templateId: saved.templateId, copied: true };
}
