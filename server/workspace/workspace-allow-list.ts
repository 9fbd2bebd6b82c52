import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { workspaces } from "~/db/schema";

/**
 * The private hosts one workspace's outbound requests may reach: the environment's list and the
 * list its owners keep in Workspace settings. Read at send time, uncached, so an owner's change
 * applies to the very next request of every server and worker process without a restart.
 * (No "server-only" marker: the worker process imports this too.)
 */
export async function workspaceAllowList(db: Db, workspaceId: string, fromEnv: readonly string[]): Promise<string[]> {
  const [row] = await db
    .select({ list: workspaces.outboundAllowList })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return [...new Set([...fromEnv, ...(row?.list ?? [])])];
}
