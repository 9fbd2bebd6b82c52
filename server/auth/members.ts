import "server-only";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { apiTokens, memberships, users, type Role } from "~/db/schema";
import { notFound, domainRefusal } from "~/core/domain-error";
import { recordAudit, type AuditActor } from "../audit/record-audit";

interface Scope {
  db: Db;
  workspaceId: string;
}

/** Changes are recorded in the audit log under the acting owner. */
interface ActingScope extends Scope {
  actor: AuditActor;
}

export function listMembers({ db, workspaceId }: Scope) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt));
}

/** A workspace always keeps an owner: the last one can be neither demoted nor removed. */
async function assertAnotherOwner(tx: Tx, workspaceId: string, userId: string) {
  const [{ others } = { others: 0 }] = await tx
    .select({ others: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner"), ne(memberships.userId, userId)),
    );
  if (others === 0)
    throw domainRefusal("CONFLICT", "A workspace needs at least one owner", "lastOwner", {}, { field: "role" });
}

/** Locks the member's row (and the workspace's owners) so two owners cannot demote each other at once. */
async function lockMember(tx: Tx, workspaceId: string, userId: string) {
  await tx.execute(sql`select 1 from ${memberships} where ${memberships.workspaceId} = ${workspaceId} for update`);
  const [row] = await tx
    .select({ role: memberships.role, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  if (!row) throw notFound("member", userId);
  return row;
}

export function setMemberRole({ db, workspaceId, actor }: ActingScope, userId: string, role: Role) {
  return db.transaction(async (tx) => {
    const member = await lockMember(tx, workspaceId, userId);
    if (member.role === "owner" && role !== "owner") await assertAnotherOwner(tx, workspaceId, userId);
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    if (member.role !== role) {
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "member.role_changed",
        targetId: userId,
        detail: { name: member.name, email: member.email, from: member.role, to: role },
      });
    }
    return { userId, name: member.name, email: member.email, from: member.role, to: role };
  });
}

/** Removes a member and revokes their API tokens for the workspace. */
export function removeMember({ db, workspaceId, actor }: ActingScope, userId: string) {
  return db.transaction(async (tx) => {
    const member = await lockMember(tx, workspaceId, userId);
    if (member.role === "owner") await assertAnotherOwner(tx, workspaceId, userId);
    await tx.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "member.removed",
      targetId: userId,
      detail: { name: member.name, email: member.email, role: member.role, tokensRevoked: revoked.length },
    });
    return { userId, name: member.name, email: member.email, role: member.role };
  });
}
