import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { workspaces } from "~/db/schema";
import type { Access } from "~/core/accounts/access";
import { grants } from "~/core/accounts/access";
import { notFound } from "~/core/domain-error";
import type { z } from "zod";
import type { updateWorkspaceSettingsInput } from "~/core/accounts/workspace-settings-inputs";

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
  if (!row) throw notFound("Workspace", workspaceId);
  return { ...row, canEdit: grants(role, "owner") };
}

export async function updateWorkspaceSettings(
  { db, workspaceId, role }: Scope,
  input: z.output<typeof updateWorkspaceSettingsInput>,
) {
  const [row] = await db.update(workspaces).set(input).where(eq(workspaces.id, workspaceId)).returning(columns);
  if (!row) throw notFound("Workspace", workspaceId);
  return { ...row, canEdit: grants(role, "owner") };
}
