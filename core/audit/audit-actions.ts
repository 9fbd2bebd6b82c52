import { z } from "zod";

/** Everything the audit log records, as `<target>.<what happened>`; the audit page filters by these. */
export const AUDIT_ACTIONS = [
  "workspace.updated",
  "flow.published",
  "flow.restored",
  "endpoint.created",
  "endpoint.revoked",
  "flow.archived",
  "flow.unarchived",
  "flow.duplicated",
  "flow.deleted",
  "share_link.created",
  "share_link.revoked",
  "integration.created",
  "integration.updated",
  "integration.deleted",
  "member.invited",
  "member.role_changed",
  "member.removed",
  "invitation.revoked",
  "invitation.accepted",
  "token.created",
  "token.revoked",
  "run.acknowledged",
  "run.resolved",
  "run.cancelled",
  "run.resent",
  "run.rerun",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_PAGE_SIZE = 50;

export const auditListInput = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  /** 1-based page, newest entries first. */
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(AUDIT_PAGE_SIZE),
});
export type AuditListInput = z.infer<typeof auditListInput>;
