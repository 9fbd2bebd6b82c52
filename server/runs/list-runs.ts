import { and, desc, eq, sql } from "drizzle-orm";
import { flows, runs } from "~/db/schema";
import type { ListRunsInput } from "./run-inputs";
import { runFilterConditions } from "./run-filters";
import { nextStepsForRuns } from "./run-next-steps";
import type { RunScope } from "./run-scope";

/** created_at as ISO text with microseconds, so the cursor names exactly the last row. */
const createdAtExact = sql<string>`to_char(${runs.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Newest first, keyset-paginated on (created_at, id) so deep pages cost the same as the first. */
export async function listRuns({ db, workspaceId }: RunScope, input: ListRunsInput) {
  const conditions = runFilterConditions(workspaceId, input);
  if (input.status) conditions.push(eq(runs.status, input.status));
  if (input.cursor) {
    // A row comparison matches the (…, created_at desc, id desc) indexes; an OR of two
    // comparisons would not.
    conditions.push(
      sql`(${runs.createdAt}, ${runs.id}) < (${input.cursor.createdAt}::timestamptz, ${input.cursor.id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      id: runs.id,
      flowId: runs.flowId,
      flowName: flows.name,
      flowVersionId: runs.flowVersionId,
      alertKey: runs.alertKey,
      // Only the summary: the whole alert can be large and the list never shows it.
      summary: sql<string>`coalesce(${runs.alert}->>'summary', '')`,
      status: runs.status,
      currentLevel: runs.currentLevel,
      firstErrorAt: runs.firstErrorAt,
      resolvedAt: runs.resolvedAt,
      createdAt: runs.createdAt,
      cursorAt: createdAtExact,
    })
    .from(runs)
    .innerJoin(flows, eq(flows.id, runs.flowId))
    .where(and(...conditions))
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const next = await nextStepsForRuns(db, page);
  return {
    items: page.map(({ cursorAt: _cursorAt, flowVersionId: _version, ...row }) => ({
      ...row,
      /** The escalating run's next message, by the engine's rules; null otherwise. */
      next: next.get(row.id)?.steps[0] ?? null,
    })),
    nextCursor: rows.length > input.limit && last ? { createdAt: last.cursorAt, id: last.id } : null,
  };
}
