import { and, count, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { OPEN_RUN_STATUSES } from "~/core/escalation/run-status";
import { flowVersions, flows, integrations, runs, users } from "~/db/schema";
import { notFound, domainRefusal } from "~/core/domain-error";
import { compilePlan } from "~/core/flow/compile-plan";
import { emptyGraph, type FlowGraph } from "~/core/flow/document";
import { upgradeGraphDocument } from "~/core/flow/migrations";
import type { GraphIssue } from "~/core/flow/graph-issue";
import { offLoop } from "../compute/off-loop";
import type { TemplateOrigin } from "~/core/flow-templates/template-origin";
import { recordAudit, type AuditActor } from "../audit/record-audit";

interface Scope {
  db: Db;
  workspaceId: string;
}

/** The workspace's integrations: which ids a graph may use, and their names for messages. */
async function workspaceIntegrations({ db, workspaceId }: Scope) {
  const rows = await db
    .select({ id: integrations.id, name: integrations.name })
    .from(integrations)
    .where(eq(integrations.workspaceId, workspaceId));
  return {
    knownIntegrationIds: new Set(rows.map((r) => r.id)),
    integrationNames: Object.fromEntries(rows.map((r) => [r.id, r.name])),
  };
}

/**
 * Migrates, then validates; refuses with per-node issues and writes nothing on failure. Drafts
 * may be incomplete while being drawn, but never malformed, too large, cyclic or cross-workspace.
 */
export async function checkGraph(scope: Scope, raw: unknown, mode: "draft" | "publish"): Promise<FlowGraph> {
  let migrated: unknown;
  try {
    migrated = upgradeGraphDocument(raw);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw domainRefusal(
      "INVALID_GRAPH",
      message,
      "flowUnreadable",
      {},
      { issues: [{ code: "schema_version", message }] },
    );
  }
  // Off the event loop: a graph at the size limits takes seconds to validate (its regex filters).
  const { result, draft } = await offLoop("checkGraph", { raw: migrated, options: await workspaceIntegrations(scope) });
  if (result.ok) return result.graph;
  const blocking = mode === "publish" || !draft ? result.errors : result.errors.filter(blocksDraft);
  if (blocking.length === 0 && draft) return draft;
  throw domainRefusal(
    "INVALID_GRAPH",
    `The flow has ${blocking.length} problem${blocking.length === 1 ? "" : "s"}: ${blocking[0]?.message ?? ""}`,
    "flowHasProblems",
    { count: blocking.length },
    { issues: blocking },
  );
}

const changedElsewhere = () =>
  domainRefusal(
    "CONFLICT",
    "The flow was changed elsewhere since you opened it; reload to see the latest draft",
    "flowChangedElsewhere",
    {},
  );

/** Validation codes that refuse even a draft save. */
const DRAFT_BLOCKING_CODES = new Set([
  "too_many_nodes",
  "too_many_edges",
  "duplicate_node_id",
  "duplicate_edge_id",
  "missing_node",
  "self_loop",
  "cycle",
  "unknown_integration",
]);

/**
 * A per-level URL with a scheme other than http(s) (`javascript:`, `file:`) is never a step on
 * the way to a good one, so a draft refuses it as the integration form does, naming the node and
 * field. Text with no scheme yet (`hooks.exam`) is a URL being typed: only publishing refuses it.
 */
const blocksDraft = (issue: GraphIssue) =>
  DRAFT_BLOCKING_CODES.has(issue.code) ||
  (issue.code === "integration_url_not_http" && issue.params?.kind === "scheme");

const archivedFilter = (archived: boolean) => (archived ? isNotNull(flows.archivedAt) : isNull(flows.archivedAt));

/** Active flows, or with `archived` the archived ones (the list's "Archived" filter). */
export async function listFlows({ db, workspaceId }: Scope, { archived = false }: { archived?: boolean } = {}) {
  const openIncidents = db
    .select({ flowId: runs.flowId, open: count().as("open") })
    .from(runs)
    .where(and(eq(runs.workspaceId, workspaceId), inArray(runs.status, [...OPEN_RUN_STATUSES])))
    .groupBy(runs.flowId)
    .as("open_incidents");
  const rows = await db
    .select({
      id: flows.id,
      name: flows.name,
      description: flows.description,
      enabled: flows.enabled,
      updatedAt: flows.updatedAt,
      publishedVersion: flowVersions.version,
      nodeCount: sql<number>`jsonb_array_length(${flows.draftGraph}->'nodes')`,
      openIncidents: sql<number>`coalesce(${openIncidents.open}, 0)`.mapWith(Number),
      archivedAt: flows.archivedAt,
    })
    .from(flows)
    .leftJoin(flowVersions, eq(flowVersions.id, flows.publishedVersionId))
    .leftJoin(openIncidents, eq(openIncidents.flowId, flows.id))
    .where(and(eq(flows.workspaceId, workspaceId), archivedFilter(archived)))
    .orderBy(desc(flows.updatedAt));
  return rows;
}

export async function getFlow({ db, workspaceId }: Scope, flowId: string) {
  const flow = await db.query.flows.findFirst({
    where: and(eq(flows.id, flowId), eq(flows.workspaceId, workspaceId)),
  });
  if (!flow) throw notFound("flow", flowId);
  const published = flow.publishedVersionId
    ? await db.query.flowVersions.findFirst({ where: eq(flowVersions.id, flow.publishedVersionId) })
    : undefined;
  return {
    id: flow.id,
    name: flow.name,
    description: flow.description,
    enabled: flow.enabled,
    graph: flow.draftGraph,
    revision: flow.draftRevision,
    updatedAt: flow.updatedAt,
    templateOrigin: flow.templateOrigin,
    archivedAt: flow.archivedAt,
    published: published
      ? { id: published.id, version: published.version, createdAt: published.createdAt, note: published.note }
      : null,
  };
}

export async function createFlow(
  scope: Scope,
  input: { name: string; description: string; graph?: unknown; templateOrigin?: TemplateOrigin },
) {
  const graph = input.graph === undefined ? emptyGraph() : await checkGraph(scope, input.graph, "draft");
  const [row] = await scope.db
    .insert(flows)
    .values({
      workspaceId: scope.workspaceId,
      name: input.name,
      description: input.description,
      draftGraph: graph,
      templateOrigin: input.templateOrigin ?? null,
    })
    .returning({ id: flows.id });
  if (!row) throw new Error("insert returned no row");
  return { id: row.id };
}

export async function saveDraft(
  scope: Scope,
  input: { flowId: string; name?: string; description?: string; graph: unknown; baseRevision?: number },
) {
  const graph = await checkGraph(scope, input.graph, "draft");
  const where = and(eq(flows.id, input.flowId), eq(flows.workspaceId, scope.workspaceId));
  const [row] = await scope.db
    .update(flows)
    .set({
      draftGraph: graph,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      draftRevision: sql`${flows.draftRevision} + 1`,
      updatedAt: new Date(),
    })
    .where(input.baseRevision === undefined ? where : and(where, eq(flows.draftRevision, input.baseRevision)))
    .returning({ revision: flows.draftRevision, updatedAt: flows.updatedAt });
  if (row) return row;
  await getFlow(scope, input.flowId);
  throw changedElsewhere();
}

/** Publishes the draft as the next version, authored by the actor, and records it in the audit log. */
export async function publishFlow(scope: Scope & { actor: AuditActor }, input: { flowId: string; note: string }) {
  const flow = await getFlow(scope, input.flowId);
  const graph = await checkGraph(scope, flow.graph, "publish");
  const plan = compilePlan(graph);
  return scope.db.transaction(async (tx) => {
    // Serialises concurrent publishes of one flow so version numbers stay dense.
    await tx.execute(sql`select 1 from ${flows} where ${flows.id} = ${input.flowId} for update`);
    const [last] = await tx
      .select({ version: flowVersions.version })
      .from(flowVersions)
      .where(eq(flowVersions.flowId, input.flowId))
      .orderBy(desc(flowVersions.version))
      .limit(1);
    const [version] = await tx
      .insert(flowVersions)
      .values({
        flowId: input.flowId,
        version: (last?.version ?? 0) + 1,
        graph,
        plan,
        note: input.note,
        authorId: scope.actor.userId,
      })
      .returning({ id: flowVersions.id, version: flowVersions.version, createdAt: flowVersions.createdAt });
    if (!version) throw new Error("insert returned no row");
    await tx
      .update(flows)
      .set({ publishedVersionId: version.id, updatedAt: new Date() })
      .where(eq(flows.id, input.flowId));
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: "flow.published",
      targetId: input.flowId,
      detail: { flowName: flow.name, version: version.version, versionId: version.id, note: input.note },
    });
    return version;
  });
}

/**
 * Makes a published version the draft again: a save like any other (the revision moves on, and a
 * stale `baseRevision` is a conflict), recorded in the audit log as a restore.
 */
export async function restoreVersion(
  scope: Scope & { actor: AuditActor },
  input: { flowId: string; versionId: string; baseRevision?: number },
) {
  const version = await getVersion(scope, input.flowId, input.versionId);
  const graph = await checkGraph(scope, version.graph, "draft");
  const where = and(eq(flows.id, input.flowId), eq(flows.workspaceId, scope.workspaceId));
  const saved = await scope.db.transaction(async (tx) => {
    const [row] = await tx
      .update(flows)
      .set({ draftGraph: graph, draftRevision: sql`${flows.draftRevision} + 1`, updatedAt: new Date() })
      .where(input.baseRevision === undefined ? where : and(where, eq(flows.draftRevision, input.baseRevision)))
      .returning({ revision: flows.draftRevision, updatedAt: flows.updatedAt, name: flows.name });
    if (!row) return null;
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: "flow.restored",
      targetId: input.flowId,
      detail: { flowName: row.name, version: version.version, versionId: version.id },
    });
    return row;
  });
  if (!saved) {
    throw changedElsewhere();
  }
  return { graph, revision: saved.revision, updatedAt: saved.updatedAt };
}

export async function listVersions({ db, workspaceId }: Scope, flowId: string) {
  await getFlow({ db, workspaceId }, flowId);
  return db
    .select({
      id: flowVersions.id,
      version: flowVersions.version,
      note: flowVersions.note,
      createdAt: flowVersions.createdAt,
      /** Who published it; null for versions from before accounts, or when the user is gone. */
      authorName: users.name,
    })
    .from(flowVersions)
    .leftJoin(users, eq(users.id, flowVersions.authorId))
    .where(eq(flowVersions.flowId, flowId))
    .orderBy(desc(flowVersions.version));
}

export async function getVersion({ db, workspaceId }: Scope, flowId: string, versionId: string) {
  await getFlow({ db, workspaceId }, flowId);
  const version = await db.query.flowVersions.findFirst({
    where: and(eq(flowVersions.id, versionId), eq(flowVersions.flowId, flowId)),
  });
  if (!version) throw notFound("version", versionId);
  return {
    id: version.id,
    version: version.version,
    note: version.note,
    createdAt: version.createdAt,
    graph: version.graph,
  };
}

export async function setFlowEnabled({ db, workspaceId }: Scope, flowId: string, enabled: boolean) {
  const [row] = await db
    .update(flows)
    .set({ enabled, updatedAt: new Date() })
    .where(and(eq(flows.id, flowId), eq(flows.workspaceId, workspaceId)))
    .returning({ id: flows.id, enabled: flows.enabled });
  if (!row) throw notFound("flow", flowId);
  return row;
}
