import "server-only";
import { eq } from "drizzle-orm";
import { validTimeZone } from "~/core/i18n/locales";
import type { Db } from "~/db/client";
import { workspaces } from "~/db/schema";

/**
 * The zone a workspace's messages show local times in (`{{@alert.timestamp}}`, `.firstError`, their
 * formatted forms). A zone the runtime does not know reads as UTC rather than failing a delivery.
 */
export async function workspaceTimeZone(db: Db, workspaceId: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return validTimeZone(row?.timeZone) ?? "UTC";
}
