import { invitationIdInput, inviteInput, memberIdInput, memberRoleInput } from "~/core/accounts/account-inputs";
import { createInvitation, listInvitations, revokeInvitation } from "../auth/invitations";
import { sendInvitationMail, type InvitationMailOutcome } from "../auth/invitation-mail";
import { listMembers, removeMember, setMemberRole } from "../auth/members";
import { ownerProcedure, router, viewerProcedure } from "../trpc";

export const membersRouter = router({
  list: viewerProcedure.query(({ ctx }) => listMembers(ctx)),
  setRole: ownerProcedure
    .input(memberRoleInput)
    .mutation(({ ctx, input }) => setMemberRole(ctx, input.userId, input.role)),
  remove: ownerProcedure.input(memberIdInput).mutation(({ ctx, input }) => removeMember(ctx, input.userId)),
  invitations: ownerProcedure.query(({ ctx }) => listInvitations(ctx)),
  invite: ownerProcedure.input(inviteInput).mutation(async ({ ctx, input }) => {
    const invitation = await createInvitation(ctx, { role: input.role, note: input.note || input.email });
    // The link is shown either way; "none" when no address was given.
    const mail: InvitationMailOutcome | "none" =
      input.email === ""
        ? "none"
        : ctx.mail
          ? await sendInvitationMail(ctx, ctx.mail, { email: input.email, role: input.role, path: invitation.path })
          : "unconfigured";
    return { ...invitation, mail };
  }),
  revokeInvitation: ownerProcedure
    .input(invitationIdInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx, input.invitationId)),
});
