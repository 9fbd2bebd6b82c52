import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { flowEndpoints } from "~/db/schema";
import { notFound } from "~/core/domain-error";
import { getFlow } from "./flow-service";

interface Scope {
  db: Db;
  workspaceId: string;
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The token is shown once, here; only its hash is stored. */
export async function createEndpoint(scope: Scope, flowId: string) {
  await getFlow(scope, flowId);
  const token = `af_${randomBytes(24).toString("base64url")}`;
  const [row] = await scope.db
    .insert(flowEndpoints)
    .values({ flowId, tokenHash: hashToken(token), tokenPrefix: token.slice(0, 7) })
    .returning({ id: flowEndpoints.id, createdAt: flowEndpoints.createdAt });
  if (!row) throw new Error("insert returned no row");
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

export async function revokeEndpoint(scope: Scope, flowId: string, endpointId: string) {
  await getFlow(scope, flowId);
  const [row] = await scope.db
    .update(flowEndpoints)
    .set({ revokedAt: new Date() })
    .where(and(eq(flowEndpoints.id, endpointId), eq(flowEndpoints.flowId, flowId), isNull(flowEndpoints.revokedAt)))
    .returning({ id: flowEndpoints.id });
  if (!row) throw notFound("Active endpoint", endpointId);
  return row;
}
