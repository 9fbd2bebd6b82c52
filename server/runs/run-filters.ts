import { eq, gte, like, lt, sql, type SQL } from "drizzle-orm";
import { runs } from "~/db/schema";
import type { RunFilterInput } from "./run-inputs";

/** `like` treats these as wildcards; an alert key may contain them literally. */
export const escapeLike = (text: string) => text.replace(/[%_\\]/g, "\\$&");

/**
 * Conditions shared by the list, the chart and the insights, so all show the same runs. Free text
 * is a substring of the lower-cased `search_text` column (trigram-indexed); labels are one jsonb
 * containment (GIN-indexed).
 */
export function runFilterConditions(workspaceId: string, filters: RunFilterInput): SQL[] {
  const conditions: SQL[] = [eq(runs.workspaceId, workspaceId)];
  if (filters.flowId) conditions.push(eq(runs.flowId, filters.flowId));
  if (filters.alertKey) conditions.push(like(runs.alertKey, `${escapeLike(filters.alertKey)}%`));
  const q = filters.q?.trim().toLowerCase();
  if (q) conditions.push(like(runs.searchText, `%${escapeLike(q)}%`));
  if (filters.labels && filters.labels.length > 0) {
    const wanted = JSON.stringify(Object.fromEntries(filters.labels.map((l) => [l.key, l.value])));
    conditions.push(sql`(${runs.alert} -> 'labels') @> ${wanted}::jsonb`);
  }
  if (filters.from) conditions.push(gte(runs.createdAt, new Date(filters.from)));
  if (filters.to) conditions.push(lt(runs.createdAt, new Date(filters.to)));
  return conditions;
}
