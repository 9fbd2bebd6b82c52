import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { flowEndpoints, flowVersions, flows } from "~/db/schema";
import type { FlowPlan } from "~/core/flow/plan";

export interface EndpointTarget {
  workspaceId: string;
  flowId: string;
  flowName: string;
  flowVersionId: string;
  plan: FlowPlan;
}

export type LookupResult =
  | { kind: "ok"; target: EndpointTarget }
  | { kind: "unauthorized" }
  | { kind: "disabled"; flowId: string }
  | { kind: "not_published"; flowId: string }
  /**
   * Archived or disabled, with a published plan: it opens no incident, but the Ok that closes an
   * incident it opened still gets through, or that incident would escalate until someone notices.
   */
  | { kind: "closing"; reason: "archived" | "disabled"; target: EndpointTarget };

const CACHE_MS = 1000;
const cache = new Map<string, { at: number; result: LookupResult }>();

/**
 * Resolves a secret endpoint token, by its hash (`hashToken`, which the caller also keys the rate
 * limit and Idempotency-Key by), to the flow's published plan. Results are cached for a second,
 * so a revoke or a publish takes effect within that time on every process.
 */
export async function lookupEndpoint(db: Db, hash: string, nowMs: number): Promise<LookupResult> {
  const hit = cache.get(hash);
  if (hit && nowMs - hit.at < CACHE_MS) return hit.result;
  const result = await load(db, hash);
  if (cache.size > 10_000) cache.clear();
  cache.set(hash, { at: nowMs, result });
  return result;
}

async function load(db: Db, tokenHash: string): Promise<LookupResult> {
  const [row] = await db
    .select({
      workspaceId: flows.workspaceId,
      flowId: flows.id,
      flowName: flows.name,
      enabled: flows.enabled,
      archivedAt: flows.archivedAt,
      flowVersionId: flowVersions.id,
      plan: flowVersions.plan,
    })
    .from(flowEndpoints)
    .innerJoin(flows, eq(flows.id, flowEndpoints.flowId))
    .leftJoin(flowVersions, eq(flowVersions.id, flows.publishedVersionId))
    .where(and(eq(flowEndpoints.tokenHash, tokenHash), isNull(flowEndpoints.revokedAt)))
    .limit(1);
  const archived = row?.archivedAt != null;
  const published = row?.flowVersionId && row.plan ? { flowVersionId: row.flowVersionId, plan: row.plan } : null;
  // An archived flow's tokens answer like unknown ones, except to close what the flow opened: the
  // uniform 401 tells a caller nothing.
  if (!row || (archived && !published)) return { kind: "unauthorized" };
  if (!published)
    return row.enabled ? { kind: "not_published", flowId: row.flowId } : { kind: "disabled", flowId: row.flowId };
  const target = {
    workspaceId: row.workspaceId,
    flowId: row.flowId,
    flowName: row.flowName,
    ...published,
  };
  if (archived) return { kind: "closing", reason: "archived", target };
  if (!row.enabled) return { kind: "closing", reason: "disabled", target };
  return { kind: "ok", target };
}
