import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { flowEndpoints } from "~/db/schema";
import { notFound } from "~/core/domain-error";
import { getFlow } from "./flow-service";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { hashToken, newToken } from "../security/secret-token";

interface Scope {
  db: Db;
  workspaceId: string;
}

/** Inbound tokens let anyone holding one start incidents: who made or revoked one is audited. */
interface ActingScope extends Scope {
  actor: AuditActor;
}

/** Kept here too: the inbound endpoint looks tokens up by it. */
export { hashToken };

/** The token is shown once, here; only its hash is stored. */
export async function createEndpoint(scope: ActingScope, flowId: string) {
  const flow = await getFlow(scope, flowId);
  const { token, hash, displayPrefix } = newToken("af_");
  const row = await scope.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(flowEndpoints)
      .values({ flowId, tokenHash: hash, tokenPrefix: displayPrefix })
      .returning({ id: flowEndpoints.id, createdAt: flowEndpoints.createdAt });
    if (!inserted) throw new Error("insert returned no row");
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: "endpoint.created",
      targetId: inserted.id,
      detail: { flowId, flowName: flow.name },
    });
    return inserted;
  });
  return { id: row.id, token, path: `/api/alerts/${token}`, createdAt: row.createdAt };
}

export async function listEndpoints(scope: Scope, flowId: string) {
  await getFlow(scope, flowId);
  return scope.db
    .select({
      id: flowEndpoints.id,
      tokenPrefix: flowEndpoints.tokenPrefix,
      createdAt: flowEndpoints.createdAt,
      revokedAt: flowEndpoints.revokedAt,
    })
    .from(flowEndpoints)
    .where(eq(flowEndpoints.flowId, flowId))
    .orderBy(desc(flowEndpoints.createdAt));
}

export async function revokeEndpoint(scope: ActingScope, flowId: string, endpointId: string) {
  const flow = await getFlow(scope, flowId);
  return scope.db.transaction(async (tx) => {
    const [row] = await tx
      .update(flowEndpoints)
      .set({ revokedAt: new Date() })
      .where(and(eq(flowEndpoints.id, endpointId), eq(flowEndpoints.flowId, flowId), isNull(flowEndpoints.revokedAt)))
      .returning({ id: flowEndpoints.id });
    if (!row) throw notFound("endpoint", endpointId);
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: "endpoint.revoked",
      targetId: row.id,
      detail: { flowId, flowName: flow.name },
    });
    return row;
  });
}
