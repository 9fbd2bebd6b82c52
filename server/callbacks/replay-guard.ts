import { lt, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { inboundReplays } from "~/db/schema";

/** Longer than any link lives (72 h), so a replay inside a link's life is always caught. */
const KEEP = "4 days";

/**
 * Records a signed callback (by its signature or event id) and says whether this is its first
 * arrival. Signatures alone do not stop an attacker who captured a request from sending it
 * again; remembering what was seen does.
 */
export async function firstSighting(db: Db, workspaceId: string, source: string, id: string): Promise<boolean> {
  const inserted = await db
    .insert(inboundReplays)
    .values({ workspaceId, source, id })
    .onConflictDoNothing()
    .returning({ id: inboundReplays.id });
  // Old entries go now and then; a sweep per insert would be wasted work.
  if (Math.random() < 0.01)
    await db.delete(inboundReplays).where(lt(inboundReplays.seenAt, sql`now() - ${KEEP}::interval`));
  return inserted.length > 0;
}
