import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { flowVersions, flows } from "~/db/schema";

export interface FlowUse {
  id: string;
  name: string;
  version: number;
}

interface UsageScope {
  db: Db;
  workspaceId: string;
}

/** Published flows that send through this integration; deleting it would break them. */
export async function flowsUsingIntegration(scope: UsageScope, integrationId: string): Promise<FlowUse[]> {
  return scope.db
    .select({ id: flows.id, name: flows.name, version: flowVersions.version })
    .from(flows)
    .innerJoin(flowVersions, eq(flowVersions.id, flows.publishedVersionId))
    .where(
      and(
        eq(flows.workspaceId, scope.workspaceId),
        sql`jsonb_path_exists(${flowVersions.graph}, '$.nodes[*] ? (@.data.integrationId == $id)', jsonb_build_object('id', ${integrationId}::text))`,
      ),
    )
    .orderBy(flows.name);
}

/**
 * Published flows per integration for the whole workspace in one query, so the list page does
 * not ask once per row. A flow that links an integration from several nodes counts once.
 */
export async function publishedUsage(scope: UsageScope): Promise<Map<string, FlowUse[]>> {
  const result = await scope.db.execute<{ integration_id: string; id: string; name: string; version: number }>(sql`
    select distinct n.integration_id, ${flows.id} as id, ${flows.name} as name, ${flowVersions.version} as version
    from ${flows}
    join ${flowVersions} on ${flowVersions.id} = ${flows.publishedVersionId}
    cross join lateral (
      select jsonb_path_query(${flowVersions.graph}, '$.nodes[*].data.integrationId') #>> '{}' as integration_id
    ) n
    where ${flows.workspaceId} = ${scope.workspaceId} and n.integration_id is not null
    order by name`);
  const usage = new Map<string, FlowUse[]>();
  for (const row of result.rows) {
    const list = usage.get(row.integration_id) ?? [];
    list.push({ id: row.id, name: row.name, version: Number(row.version) });
    usage.set(row.integration_id, list);
  }
  return usage;
}
