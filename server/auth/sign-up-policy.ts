import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { invitations } from "~/db/schema";
import { hashToken } from "../security/secret-token";

/** Who may create an account: anyone, or only someone holding an invitation link. */
export type SignUpPolicy = "open" | "invitation";

const INVITE_PATH = /^\/invite\/([A-Za-z0-9_-]{1,200})$/;

/** The invitation token in the page the sign-up form returns to (`/invite/<token>`), if any. */
export function invitationTokenIn(callbackURL: unknown): string | null {
  if (typeof callbackURL !== "string") return null;
  let path: string;
  try {
    // Relative paths resolve against a placeholder; an absolute URL keeps its own path.
    path = decodeURIComponent(new URL(callbackURL, "http://relative.invalid").pathname);
  } catch {
    return null;
  }
  return INVITE_PATH.exec(path)?.[1] ?? null;
}

/** Whether the token is a live invitation: not used, not revoked, not expired. */
export async function invitationIsOpen(db: Db, token: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .limit(1);
  return row !== undefined;
}
