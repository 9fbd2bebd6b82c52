import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { workspaces } from "~/db/schema";
import type { Access } from "~/core/accounts/access";
import { grants } from "~/core/accounts/access";
import { notFound } from "~/core/domain-error";
import type { z } from "zod";
import type { updateWorkspaceSettingsInput } from "~/core/accounts/workspace-settings-inputs";
import { recordAudit, type AuditActor } from "../audit/record-audit";

interface Scope {
  db: Db;
  workspaceId: string;
  role: Access;
}

const columns = {
  name: workspaces.name,
  retentionDays: workspaces.retentionDays,
  timeZone: workspaces.timeZone,
  outboundAllowList: workspaces.outboundAllowList,
};

/** The workspace's settings, and whether the caller may change them (owners only). */
export async function getWorkspaceSettings({ db, workspaceId, role }: Scope) {
  const [row] = await db.select(columns).from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!row) throw notFound("workspace", workspaceId);
  return { ...row, canEdit: grants(role, "owner") };
}

/** Owners change the settings; the audit log records which ones, and which hosts the allow-list gained or lost. */
export async function updateWorkspaceSettings(
  { db, workspaceId, role, actor }: Scope & { actor: AuditActor },
  input: z.output<typeof updateWorkspaceSettingsInput>,
) {
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select(columns).from(workspaces).where(eq(workspaces.id, workspaceId)).for("update");
    if (!before) throw notFound("workspace", workspaceId);
    const [after] = await tx.update(workspaces).set(input).where(eq(workspaces.id, workspaceId)).returning(columns);
    if (!after) throw notFound("workspace", workspaceId);
    const changed = (["name", "retentionDays", "timeZone", "outboundAllowList"] as const).filter(
      (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
    );
    if (changed.length > 0) {
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "workspace.updated",
        targetId: workspaceId,
        detail: {
          changed,
          allowListAdded: after.outboundAllowList.filter((entry) => !before.outboundAllowList.includes(entry)),
          allowListRemoved: before.outboundAllowList.filter((entry) => !after.outboundAllowList.includes(entry)),
        },
      });
    }
    return after;
  });
  return { ...row, canEdit: grants(role, "owner") };
}
