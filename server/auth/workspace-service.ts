import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { memberships, workspaces } from "~/db/schema";
import { notFound } from "~/core/domain-error";
import { listMemberships, setActiveWorkspace } from "./workspace-access";

/** A unique, readable slug: the name's words and a random suffix. */
export const workspaceSlug = (name: string) =>
  `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "workspace"
  }-${randomBytes(3).toString("hex")}`;

/** A new workspace owned by its creator, who starts working in it. */
export async function createWorkspace(db: Db, owner: { userId: string; sessionId?: string }, name: string) {
  const workspace = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(workspaces)
      .values({ name, slug: workspaceSlug(name) })
      .returning({ id: workspaces.id, name: workspaces.name });
    if (!row) throw new Error("insert returned no row");
    await tx.insert(memberships).values({ workspaceId: row.id, userId: owner.userId, role: "owner" });
    return row;
  });
  if (owner.sessionId) await setActiveWorkspace(db, owner.sessionId, workspace.id);
  return workspace;
}

/** The switcher: only to a workspace the user is a member of. */
export async function switchWorkspace(db: Db, caller: { userId: string; sessionId: string }, workspaceId: string) {
  const [member] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, caller.userId), eq(memberships.workspaceId, workspaceId)));
  if (!member) throw notFound("workspace", workspaceId);
  await setActiveWorkspace(db, caller.sessionId, workspaceId);
  return { workspaceId, role: member.role };
}

export { listMemberships };
