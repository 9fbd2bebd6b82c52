import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { memberships, users, workspaces } from "./schema";

export const DEFAULT_WORKSPACE_SLUG = "default";

/** Single-tenant installs start with one workspace and one owner. */
export async function ensureDefaultWorkspace(db: Db): Promise<string> {
  const existing = await db.query.workspaces.findFirst({
    where: eq(workspaces.slug, DEFAULT_WORKSPACE_SLUG),
  });
  if (existing) return existing.id;
  return db.transaction(async (tx) => {
    const [ws] = await tx
      .insert(workspaces)
      .values({ name: "Default", slug: DEFAULT_WORKSPACE_SLUG })
      .onConflictDoNothing()
      .returning();
    const wsId =
      ws?.id ?? (await tx.query.workspaces.findFirst({ where: eq(workspaces.slug, DEFAULT_WORKSPACE_SLUG) }))?.id;
    if (!wsId) throw new Error("default workspace could not be created");
    const [owner] = await tx
      .insert(users)
      .values({ email: "owner@localhost", name: "Owner" })
      .onConflictDoNothing()
      .returning();
    if (owner) await tx.insert(memberships).values({ workspaceId: wsId, userId: owner.id, role: "owner" });
    return wsId;
  });
}
