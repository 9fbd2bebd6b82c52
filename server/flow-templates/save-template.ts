import { eq, sql } from "drizzle-orm";
import { templates, templateVersions } from "~/db/schema";
import { domainRefusal } from "~/core/domain-error";
import { isFlowError } from "~/core/flow/flow-error";
import { migrateGraph } from "~/core/flow/migrations";
import type { FlowGraph } from "~/core/flow/document";
import { templateFromGraph } from "~/core/flow-templates/graph-to-template";
import { readTemplateDocument } from "~/core/flow-templates/read-template";
import { scrubSecrets } from "~/core/flow-templates/scrub-secrets";
import {
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  type FlowTemplateDocument,
} from "~/core/flow-templates/template-document";
import type { TemplateIssue } from "~/core/flow-templates/template-issue";
import { getFlow, getVersion } from "../flows/flow-service";
import type { SaveFromFlowInput } from "./template-inputs";
import { loadTemplateRow, type TemplateScope } from "./template-store";
import { workspaceIntegrationsForTemplates } from "./workspace-secrets";
import type { Keyring } from "../security/secret-keyring";

export interface ActingScope extends TemplateScope {
  keyring: Keyring;
  actor: { userId: string | null; name: string };
}

export const refusal = (what: string, issues: TemplateIssue[]) =>
  domainRefusal(
    "INVALID_INPUT",
    `${what}: ${issues[0]?.message ?? "it is malformed"}`,
    "templateRefused",
    { count: issues.length },
    { issues },
  );

async function sourceGraph(scope: TemplateScope, input: SaveFromFlowInput): Promise<unknown> {
  if (input.flowVersionId) return (await getVersion(scope, input.flowId, input.flowVersionId)).graph;
  return (await getFlow(scope, input.flowId)).graph;
}

function upgraded(raw: unknown): FlowGraph {
  try {
    return migrateGraph(raw);
  } catch (error) {
    if (!isFlowError(error)) throw error;
    throw domainRefusal("INVALID_GRAPH", `The flow cannot be read: ${error.message}`, "flowUnreadable", {});
  }
}

/**
 * Saves a flow (its draft or one of its versions) as a template, or as the next version of one.
 * Integrations become typed placeholders, secret variables are dropped, any secret value or
 * endpoint token pasted into text is masked, and the result must read as a valid template before
 * anything is written: a flow that would not run from the template is refused, naming the node.
 */
export async function saveFlowAsTemplate(scope: ActingScope, input: SaveFromFlowInput) {
  const graph = upgraded(await sourceGraph(scope, input));
  const { sources, secretValues } = await workspaceIntegrationsForTemplates(scope);
  const converted = templateFromGraph(graph, sources);
  if (!converted.ok) throw refusal("The flow cannot be saved as a template", converted.issues);

  const existing = input.templateId ? await loadTemplateRow(scope, input.templateId) : undefined;
  const draft: FlowTemplateDocument = {
    format: TEMPLATE_FORMAT,
    formatVersion: TEMPLATE_FORMAT_VERSION,
    name: input.name,
    description: input.description,
    tags: input.tags,
    author: existing?.authorName ?? scope.actor.name,
    version: (existing?.latestVersion ?? 0) + 1,
    ...converted.value,
  };
  const read = readTemplateDocument(scrubSecrets(draft, secretValues));
  if (!read.ok) throw refusal("The flow cannot be saved as a template", read.issues);
  return existing
    ? addVersion(scope, existing.id, read.value, input.note)
    : insertTemplate(scope, read.value, { note: input.note, sourceFlowId: input.flowId });
}

/** A new template with its first version (imports keep the version number of the file). */
export async function insertTemplate(
  scope: ActingScope,
  document: FlowTemplateDocument,
  options: { note: string; sourceFlowId: string | null },
) {
  return scope.db.transaction(async (tx) => {
    const [template] = await tx
      .insert(templates)
      .values({
        workspaceId: scope.workspaceId,
        name: document.name,
        description: document.description,
        tags: document.tags,
        authorName: document.author,
        authorId: scope.actor.userId,
        sourceFlowId: options.sourceFlowId,
        latestVersion: document.version,
      })
      .returning({ id: templates.id });
    if (!template) throw new Error("insert returned no row");
    const [version] = await tx
      .insert(templateVersions)
      .values({
        templateId: template.id,
        version: document.version,
        graph: document.graph,
        placeholders: document.placeholders,
        note: options.note,
        authorName: scope.actor.name,
        authorId: scope.actor.userId,
      })
      .returning({ id: templateVersions.id, version: templateVersions.version });
    if (!version) throw new Error("insert returned no row");
    return { templateId: template.id, versionId: version.id, version: version.version };
  });
}

async function addVersion(scope: ActingScope, templateId: string, document: FlowTemplateDocument, note: string) {
  return scope.db.transaction(async (tx) => {
    // Serialises concurrent saves of one template so version numbers stay dense.
    const [locked] = await tx
      .execute<{ latest_version: number }>(
        sql`select latest_version from ${templates} where ${templates.id} = ${templateId} for update`,
      )
      .then((r) => r.rows);
    const next = Number(locked?.latest_version ?? 0) + 1;
    const [version] = await tx
      .insert(templateVersions)
      .values({
        templateId,
        version: next,
        graph: document.graph,
        placeholders: document.placeholders,
        note,
        authorName: scope.actor.name,
        authorId: scope.actor.userId,
      })
      .returning({ id: templateVersions.id, version: templateVersions.version });
    if (!version) throw new Error("insert returned no row");
    await tx
      .update(templates)
      .set({
        name: document.name,
        description: document.description,
        tags: document.tags,
        latestVersion: next,
        updatedAt: new Date(),
      })
      .where(eq(templates.id, templateId));
    return { templateId, versionId: version.id, version: version.version };
  });
}
