import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { memberships, sessions, workspaces, type Role } from "~/db/schema";

export interface WorkspaceChoice {
  workspaceId: string;
  role: Role;
}

/** The user's workspaces with their role there, oldest membership first. */
export function listMemberships(db: Db, userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(workspaces.name));
}

/**
 * The workspace a session works in: the one it switched to while still a member, else the first.
 * Membership is read on every request, so a removed member loses access at once.
 */
export async function chooseWorkspace(
  db: Db,
  userId: string,
  preferred: string | null,
): Promise<WorkspaceChoice | null> {
  const rows = await listMemberships(db, userId);
  const row = rows.find((r) => r.id === preferred) ?? rows[0];
  return row ? { workspaceId: row.id, role: row.role } : null;
}

/** Remembers the switcher's choice on the session row. */
export async function setActiveWorkspace(db: Db, sessionId: string, workspaceId: string): Promise<void> {
  await db.update(sessions).set({ activeWorkspaceId: workspaceId }).where(eq(sessions.id, sessionId));
}
