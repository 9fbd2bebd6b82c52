import "server-only";
import { eq } from "drizzle-orm";
import { createTranslator } from "use-intl/core";
import type { Db } from "~/db/client";
import { workspaces, type Role } from "~/db/schema";
import { loadMessages } from "~/core/i18n/messages";
import { sendAccountMail, type MailSettings } from "./account-mail";
import { mailLocale } from "./reset-password-mail";
import { INVITATION_DAYS } from "./invitations";

/** What sending an invitation needs beyond the row: the mail server, the app's address, the request. */
export interface InvitationMailDeps {
  settings: MailSettings;
  /** Links in mails point here. */
  publicUrl: string;
  /** The inviter's request: its language decides the mail's when their profile names none. */
  headers?: Headers;
}

/**
 * "sent": handed to the SMTP server; "failed": it refused or could not be reached; "unconfigured":
 * no SMTP server is set (SMTP_URL), so nothing was sent and the link is not logged either (the
 * owner has it on screen, and a log is no place for a joining token).
 */
export type InvitationMailOutcome = "sent" | "failed" | "unconfigured";

/**
 * Emails an invitation link, in the inviter's language (the invitee has no profile yet). The link
 * is still shown to the inviter whatever happens here: a mail that fails loses no invitation.
 */
export async function sendInvitationMail(
  scope: { db: Db; workspaceId: string; actor: { userId: string | null; name: string } },
  deps: InvitationMailDeps,
  invitation: { email: string; role: Role; path: string },
): Promise<InvitationMailOutcome> {
  if (!deps.settings.smtpUrl) return "unconfigured";
  const [workspace] = await scope.db
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, scope.workspaceId));
  const locale = scope.actor.userId
    ? await mailLocale(scope.db, scope.actor.userId, deps.headers && { headers: deps.headers })
    : "en";
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "InvitationMail" });
  const roles = createTranslator({ locale, messages, namespace: "RoleNames" });
  const url = new URL(invitation.path, deps.publicUrl).toString();
  const values = {
    inviter: scope.actor.name,
    workspace: workspace?.name ?? "Alertflow",
    role: roles(`${invitation.role}.label`),
    days: INVITATION_DAYS,
    url,
  };
  try {
    await sendAccountMail(deps.settings, {
      to: invitation.email,
      // Names are free text: a line break must not split the header.
      subject: t("subject", values).replace(/\s*[\r\n]+\s*/g, " "),
      text: t("text", values),
      logLine: `Invitation for ${invitation.email} not mailed: no SMTP server`,
    });
  } catch (error) {
    console.warn(
      `[alertflow] invitation mail to ${invitation.email} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return "failed";
  }
  return "sent";
}
