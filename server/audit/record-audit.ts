// No "server-only" marker: the dev and start launchers (plain Node) reach this through the demo seed.
import type { Db, Tx } from "~/db/client";
import { auditLog } from "~/db/schema";
import type { AuditAction } from "~/core/audit/audit-actions";

/** Who acts: the signed-in user (or the user behind an API token), or a named outside party. */
export interface AuditActor {
  userId: string | null;
  name: string;
}

export interface AuditEntry {
  workspaceId: string;
  actor: AuditActor;
  action: AuditAction;
  /** Defaults to the action's first part (`member.invited` is about an invitation: say so). */
  targetType?: string;
  targetId: string;
  /**
   * What an owner needs to read the entry later (names, roles, versions, which fields changed).
   * Never a secret's value: callers pass field names only.
   */
  detail?: Record<string, unknown>;
}

/**
 * Appends one entry. Pass the transaction of the change when there is one, so the change and its
 * entry commit together; the table refuses updates and deletes (trigger in migration 0009).
 */
export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    workspaceId: entry.workspaceId,
    actorId: entry.actor.userId,
    actorName: entry.actor.name,
    action: entry.action,
    // The action is `<target>.<what>`: the target type is its first part.
    targetType: entry.targetType ?? entry.action.slice(0, entry.action.indexOf(".")),
    targetId: entry.targetId,
    detail: entry.detail ?? {},
  });
}
