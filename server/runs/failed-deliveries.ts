import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { deliveries, flows, integrations, runs } from "~/db/schema";
import type { FailedDeliveriesInput } from "./run-inputs";
import type { RunScope } from "./run-scope";

const updatedAtExact = sql<string>`to_char(${deliveries.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The dead letters: messages that finally failed, across every run of the workspace, most recent
 * failure first (keyset-paged on the partial index of failed deliveries).
 */
export async function listFailedDeliveries({ db, workspaceId }: RunScope, input: FailedDeliveriesInput) {
  const conditions: SQL[] = [eq(deliveries.status, "failed"), eq(runs.workspaceId, workspaceId)];
  if (input.flowId) conditions.push(eq(runs.flowId, input.flowId));
  if (input.integrationId) conditions.push(eq(deliveries.integrationId, input.integrationId));
  if (input.cursor) {
    conditions.push(
      sql`(${deliveries.updatedAt}, ${deliveries.id}) < (${input.cursor.updatedAt}::timestamptz, ${input.cursor.id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      id: deliveries.id,
      runId: runs.id,
      alertKey: runs.alertKey,
      runStatus: runs.status,
      flowId: runs.flowId,
      flowName: flows.name,
      integrationId: deliveries.integrationId,
      integrationName: integrations.name,
      integrationType: integrations.type,
      nodeId: deliveries.nodeId,
      messageType: deliveries.messageType,
      level: deliveries.level,
      reminderNumber: deliveries.reminderNumber,
      attempts: deliveries.attempts,
      statusCode: deliveries.statusCode,
      error: deliveries.error,
      errorReason: deliveries.errorReason,
      failedAt: deliveries.updatedAt,
      cursorAt: updatedAtExact,
    })
    .from(deliveries)
    .innerJoin(runs, eq(runs.id, deliveries.runId))
    .innerJoin(flows, eq(flows.id, runs.flowId))
    .leftJoin(integrations, eq(integrations.id, deliveries.integrationId))
    .where(and(...conditions))
    .orderBy(desc(deliveries.updatedAt), desc(deliveries.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursorAt: _cursorAt, ...row }) => row),
    nextCursor: rows.length > input.limit && last ? { updatedAt: last.cursorAt, id: last.id } : null,
  };
}
