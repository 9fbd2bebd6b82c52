import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { OPEN_RUN_STATUSES } from "~/core/escalation/run-status";
import { flows, runs } from "~/db/schema";
import { notFound, domainRefusal } from "~/core/domain-error";
import { recordAudit, type AuditActor } from "../audit/record-audit";

interface Scope {
  db: Db;
  workspaceId: string;
  actor: AuditActor;
}

const MAX_NAME = 200;

/** Locks the flow row of this workspace for the rest of the transaction; another workspace's is not found. */
async function lockFlow(tx: Tx, workspaceId: string, flowId: string) {
  const [row] = await tx
    .select({ id: flows.id, name: flows.name, archivedAt: flows.archivedAt })
    .from(flows)
    .where(and(eq(flows.id, flowId), eq(flows.workspaceId, workspaceId)))
    .for("update");
  if (!row) throw notFound("flow", flowId);
  return row;
}

async function openRunCount(tx: Tx, flowId: string): Promise<number> {
  const [row] = await tx
    .select({ open: count() })
    .from(runs)
    .where(and(eq(runs.flowId, flowId), inArray(runs.status, [...OPEN_RUN_STATUSES])));
  return row?.open ?? 0;
}

/**
 * Archiving is the safe way to retire a flow: its endpoints refuse new alerts (the same 401 as an
 * unknown token, so a retired token tells a caller nothing), it leaves the list, and its versions,
 * runs and history stay. Open incidents are not touched: they run on until resolved or cancelled.
 */
export function setFlowArchived(scope: Scope, flowId: string, archived: boolean) {
  return scope.db.transaction(async (tx) => {
    const flow = await lockFlow(tx, scope.workspaceId, flowId);
    if ((flow.archivedAt !== null) === archived) return { id: flow.id, archivedAt: flow.archivedAt };
    const [row] = await tx
      .update(flows)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(eq(flows.id, flowId))
      .returning({ id: flows.id, archivedAt: flows.archivedAt });
    if (!row) throw notFound("flow", flowId);
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: archived ? "flow.archived" : "flow.unarchived",
      targetId: flowId,
      detail: { flowName: flow.name, openIncidents: await openRunCount(tx, flowId) },
    });
    return row;
  });
}

/**
 * Deletes the flow with its versions, endpoints and finished runs. Refused while an incident is
 * open: deleting would strand a running escalation; archive it, or resolve/cancel the incidents.
 */
export function deleteFlow(scope: Scope, flowId: string) {
  return scope.db.transaction(async (tx) => {
    const flow = await lockFlow(tx, scope.workspaceId, flowId);
    const open = await openRunCount(tx, flowId);
    if (open > 0) {
      throw domainRefusal(
        "CONFLICT",
        `"${flow.name}" has ${open} open incident${open === 1 ? "" : "s"}; resolve or cancel ${open === 1 ? "it" : "them"} first, or archive the flow`,
        "flowHasOpenIncidents",
        { flow: flow.name, count: open },
        { field: "flowId", openIncidents: open },
      );
    }
    const [{ finished } = { finished: 0 }] = await tx
      .select({ finished: count() })
      .from(runs)
      .where(eq(runs.flowId, flowId));
    await tx.delete(flows).where(eq(flows.id, flowId));
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: "flow.deleted",
      targetId: flowId,
      detail: { flowName: flow.name, runsDeleted: finished },
    });
    return { id: flowId, runsDeleted: finished };
  });
}

/**
 * A new flow with a copy of the draft graph: not published, without endpoints (their tokens are
 * the original's secrets), not archived, enabled. Integrations are shared, not copied.
 */
export function duplicateFlow(scope: Scope, flowId: string, name?: string) {
  return scope.db.transaction(async (tx) => {
    const [source] = await tx
      .select({ name: flows.name, description: flows.description, draftGraph: flows.draftGraph })
      .from(flows)
      .where(and(eq(flows.id, flowId), eq(flows.workspaceId, scope.workspaceId)));
    if (!source) throw notFound("flow", flowId);
    const copyName = (name ?? `${source.name} (copy)`).slice(0, MAX_NAME);
    const [row] = await tx
      .insert(flows)
      .values({
        workspaceId: scope.workspaceId,
        name: copyName,
        description: source.description,
        draftGraph: source.draftGraph,
      })
      .returning({ id: flows.id, name: flows.name });
    if (!row) throw new Error("insert returned no row");
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: "flow.duplicated",
      targetId: row.id,
      detail: { flowName: row.name, fromFlowId: flowId, fromFlowName: source.name },
    });
    return row;
  });
}
