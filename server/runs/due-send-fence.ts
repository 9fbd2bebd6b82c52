import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client";

const sentRow = z.object({ sent_at_ms: z.string().nullable() });

/**
 * Stops the worker's due-send job for an incident before an operator's action reaches its
 * workflow: the job sends nothing for it after the action was taken, also what the workflow plans
 * before it applies the action. Returns the latest due time of the planned sends the job had
 * already claimed (sent or sending): the workflow fires what was due then before applying the
 * action, so its timeline and its Ok include them. Two statements: the stop waits for a claim in
 * progress (it holds the inbox row's lock), and the read after it sees that claim committed.
 */
export async function takeBackDueSends(db: Pick<Db, "execute">, runId: string): Promise<number | undefined> {
  await db.execute(sql`
    update incident_inboxes set sends_stopped_at = coalesce(sends_stopped_at, clock_timestamp()) where id = ${runId}`);
  const read = await db.execute(sql`
    select (extract(epoch from max(due_at)) * 1000)::bigint as sent_at_ms
    from due_sends where run_id = ${runId} and state = 'claimed'`);
  const sentAt = sentRow.parse(read.rows[0] ?? { sent_at_ms: null }).sent_at_ms;
  return sentAt === null ? undefined : Number(sentAt);
}
