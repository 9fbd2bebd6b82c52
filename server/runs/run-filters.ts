import { eq, like, type SQL } from "drizzle-orm";
import { runs } from "~/db/schema";

/** `like` treats these as wildcards; an alert key may contain them literally. */
export const escapeLike = (text: string) => text.replace(/[%_\\]/g, "\\$&");

/** Conditions shared by the list and the chart, so both always show the same runs. */
export function runFilterConditions(workspaceId: string, filters: { flowId?: string; alertKey?: string }): SQL[] {
  const conditions: SQL[] = [eq(runs.workspaceId, workspaceId)];
  if (filters.flowId) conditions.push(eq(runs.flowId, filters.flowId));
  if (filters.alertKey) conditions.push(like(runs.alertKey, `${escapeLike(filters.alertKey)}%`));
  return conditions;
}
