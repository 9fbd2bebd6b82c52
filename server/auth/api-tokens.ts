import "server-only";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "~/db/client";
import { apiTokens, memberships, users, type Role } from "~/db/schema";
import { notFound, domainRefusal } from "~/core/domain-error";
import { grants, lowerRole, type Access } from "~/core/accounts/access";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { hashToken as hash, newToken } from "../security/secret-token";

export interface TokenScope {
  db: Db;
  workspaceId: string;
  role: Access;
  actor: AuditActor;
}

const TOKEN_PREFIX = "afu_";
/** Bearer values that are not ours are refused before touching the database. */
export const looksLikeApiToken = (value: string) => value.startsWith(TOKEN_PREFIX) && value.length < 200;

function requireUser(scope: TokenScope): string {
  if (!scope.actor.userId) {
    throw domainRefusal("UNAUTHORIZED", "API tokens belong to a signed-in user", "tokenNeedsUser", {});
  }
  return scope.actor.userId;
}

/** A personal token for the caller in the current workspace; shown once, stored as a sha-256 hash. */
export async function createApiToken(scope: TokenScope, input: { name: string; role: Role }) {
  const userId = requireUser(scope);
  if (!grants(scope.role, input.role)) {
    throw domainRefusal(
      "INVALID_INPUT",
      `A ${scope.role} cannot create a token with the ${input.role} role`,
      "tokenRoleAboveYours",
      { role: scope.role, tokenRole: input.role },
      { field: "role" },
    );
  }
  const { token, hash: tokenHash, displayPrefix } = newToken(TOKEN_PREFIX, { bytes: 32, shownChars: 6 });
  const row = await scope.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(apiTokens)
      .values({
        workspaceId: scope.workspaceId,
        userId,
        name: input.name,
        role: input.role,
        tokenHash,
        tokenPrefix: displayPrefix,
      })
      .returning({ id: apiTokens.id, createdAt: apiTokens.createdAt });
    if (!inserted) throw new Error("insert returned no row");
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: "token.created",
      targetId: inserted.id,
      detail: { name: input.name, role: input.role },
    });
    return inserted;
  });
  return { id: row.id, token, name: input.name, role: input.role, createdAt: row.createdAt };
}

/** The caller's own tokens; owners see every member's, to revoke them. */
export async function listApiTokens(scope: TokenScope) {
  const userId = requireUser(scope);
  const mine = scope.role === "owner" ? undefined : eq(apiTokens.userId, userId);
  return scope.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      tokenPrefix: apiTokens.tokenPrefix,
      userId: apiTokens.userId,
      userName: users.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.workspaceId, scope.workspaceId), mine))
    .orderBy(desc(apiTokens.createdAt));
}

/** A member revokes their own token; an owner any token of the workspace. */
export async function revokeApiToken(scope: TokenScope, tokenId: string) {
  const userId = requireUser(scope);
  const mine = scope.role === "owner" ? undefined : eq(apiTokens.userId, userId);
  return scope.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(apiTokens.id, tokenId), eq(apiTokens.workspaceId, scope.workspaceId), isNull(apiTokens.revokedAt), mine),
      )
      .returning({ id: apiTokens.id, name: apiTokens.name, userId: apiTokens.userId, role: apiTokens.role });
    if (!row) throw notFound("apiToken", tokenId);
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: "token.revoked",
      targetId: row.id,
      detail: { name: row.name, role: row.role, ownToken: row.userId === userId },
    });
    return { id: row.id, name: row.name };
  });
}

export interface TokenIdentity {
  tokenId: string;
  workspaceId: string;
  role: Role;
  user: { id: string; name: string; email: string };
}

const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * The identity behind a Bearer token: active, and its user still a member of the token's
 * workspace; the role is the lower of the token's and the membership's.
 */
export async function authenticateApiToken(db: Db, token: string, now = new Date()): Promise<TokenIdentity | null> {
  if (!looksLikeApiToken(token)) return null;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      workspaceId: apiTokens.workspaceId,
      tokenRole: apiTokens.role,
      memberRole: memberships.role,
      userId: users.id,
      name: users.name,
      email: users.email,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, apiTokens.userId), eq(memberships.workspaceId, apiTokens.workspaceId)),
    )
    .where(and(eq(apiTokens.tokenHash, hash(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  // Last-used time to the minute: one write a minute per token, not one per request.
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, row.tokenId),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_GRANULARITY_MS))),
      ),
    );
  return {
    tokenId: row.tokenId,
    workspaceId: row.workspaceId,
    role: lowerRole(row.tokenRole, row.memberRole),
    user: { id: row.userId, name: row.name, email: row.email },
  };
}
