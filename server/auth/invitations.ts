import "server-only";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { invitations, memberships, users, workspaces, type Role } from "~/db/schema";
import { notFound, domainRefusal } from "~/core/domain-error";
import { setActiveWorkspace } from "./workspace-access";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { hashToken as hash, newToken } from "../security/secret-token";

interface OwnerScope {
  db: Db;
  workspaceId: string;
  actor: AuditActor;
}

export const INVITATION_DAYS = 7;

/** A single-use link that joins whoever opens it (signed in) to the workspace with `role`. */
export async function createInvitation(scope: OwnerScope, input: { role: Role; note: string }, now = new Date()) {
  const { token, hash: tokenHash } = newToken("afi_");
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);
  const row = await scope.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(invitations)
      .values({
        workspaceId: scope.workspaceId,
        role: input.role,
        note: input.note,
        tokenHash,
        invitedBy: scope.actor.userId,
        expiresAt,
      })
      .returning({ id: invitations.id });
    if (!inserted) throw new Error("insert returned no row");
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: "member.invited",
      targetType: "invitation",
      targetId: inserted.id,
      detail: { role: input.role, note: input.note, expiresAt: expiresAt.toISOString() },
    });
    return inserted;
  });
  return { id: row.id, role: input.role, note: input.note, expiresAt, path: `/invite/${token}` };
}

/** Links not yet used nor revoked, newest first; expired ones say so. */
export function listInvitations(scope: OwnerScope) {
  return scope.db
    .select({
      id: invitations.id,
      role: invitations.role,
      note: invitations.note,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedBy: users.name,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.workspaceId, scope.workspaceId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(scope: OwnerScope, invitationId: string) {
  return scope.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.id, invitationId),
          eq(invitations.workspaceId, scope.workspaceId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id, role: invitations.role, note: invitations.note });
    if (!row) throw notFound("invitation", invitationId);
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: "invitation.revoked",
      targetId: row.id,
      detail: { role: row.role, note: row.note },
    });
    return row;
  });
}

export type InvitationPreview =
  { state: "valid"; workspaceName: string; role: Role } | { state: "expired" | "used" | "revoked" | "unknown" };

/** What the invitation page shows before anyone signs in: which workspace, which role, still valid? */
export async function previewInvitation(db: Db, token: string, now = new Date()): Promise<InvitationPreview> {
  const [row] = await db
    .select({
      workspaceName: workspaces.name,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(eq(invitations.tokenHash, hash(token)));
  if (!row) return { state: "unknown" };
  if (row.revokedAt) return { state: "revoked" };
  if (row.acceptedAt) return { state: "used" };
  if (row.expiresAt <= now) return { state: "expired" };
  return { state: "valid", workspaceName: row.workspaceName, role: row.role };
}

/**
 * Uses the link: marks it accepted in the same statement that checks it is still open, so two
 * people racing for one link cannot both join. An existing member keeps their role.
 */
export async function acceptInvitation(
  db: Db,
  caller: { userId: string; name: string; sessionId?: string },
  token: string,
  now = new Date(),
) {
  const joined = await db.transaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedBy: caller.userId })
      .where(
        and(
          eq(invitations.tokenHash, hash(token)),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .returning({ id: invitations.id, workspaceId: invitations.workspaceId, role: invitations.role });
    if (!invitation) {
      throw domainRefusal(
        "NOT_FOUND",
        "This invitation link is unknown, used, revoked or expired",
        "invitationUnusable",
        {},
        { field: "token" },
      );
    }
    const added = await tx
      .insert(memberships)
      .values({ workspaceId: invitation.workspaceId, userId: caller.userId, role: invitation.role })
      .onConflictDoNothing()
      .returning({ role: memberships.role });
    const alreadyMember = added.length === 0;
    await recordAudit(tx, {
      workspaceId: invitation.workspaceId,
      actor: { userId: caller.userId, name: caller.name },
      action: "invitation.accepted",
      targetId: invitation.id,
      detail: { role: invitation.role, alreadyMember },
    });
    return { ...invitation, alreadyMember };
  });
  if (caller.sessionId) await setActiveWorkspace(db, caller.sessionId, joined.workspaceId);
  return joined;
}
