import { lt, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { inboundReplays } from "~/db/schema";

/** Longer than any link lives (72 h), so a replay inside a link's life is always caught. */
const KEEP = "4 days";

/** What `onFirstSighting` returns for a callback seen before. */
export const REPLAYED = Symbol("replayed");

/**
 * Records a signed callback (by its signature or event id) and says whether this is its first
 * arrival. Signatures alone do not stop an attacker who captured a request from sending it
 * again; remembering what was seen does.
 */
async function firstSighting(db: Db | Tx, workspaceId: string, source: string, id: string): Promise<boolean> {
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

/**
 * Runs `work` for a callback's first arrival only, and counts the arrival as seen only once
 * `work` has finished: the sighting commits after it. A callback whose work failed (the database
 * went away halfway) is not "replayed" when its sender tries again, and a copy sent meanwhile
 * waits on the sighting's row and is then refused.
 */
export async function onFirstSighting<T>(
  db: Db,
  seen: { workspaceId: string; source: string; id: string },
  work: () => Promise<T>,
): Promise<T | typeof REPLAYED> {
  return db.transaction(async (tx) => {
    if (!(await firstSighting(tx, seen.workspaceId, seen.source, seen.id))) return REPLAYED;
    return work();
  });
}
