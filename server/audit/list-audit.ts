import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { auditLog } from "~/db/schema";
import type { AuditListInput } from "~/core/audit/audit-actions";

interface Scope {
  db: Db;
  workspaceId: string;
}

/** One page of the workspace's audit log, newest first, optionally one action only. */
export async function listAudit({ db, workspaceId }: Scope, input: AuditListInput) {
  const where = and(
    eq(auditLog.workspaceId, workspaceId),
    input.action ? eq(auditLog.action, input.action) : undefined,
  );
  const [entries, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorId: auditLog.actorId,
        actorName: auditLog.actorName,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        detail: auditLog.detail,
      })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { entries, total: total?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
