import { invitationIdInput, inviteInput, memberIdInput, memberRoleInput } from "~/core/accounts/account-inputs";
import { createInvitation, listInvitations, revokeInvitation } from "../auth/invitations";
import { listMembers, removeMember, setMemberRole } from "../auth/members";
import { ownerProcedure, router, viewerProcedure } from "../trpc";

export const membersRouter = router({
  list: viewerProcedure.query(({ ctx }) => listMembers(ctx)),
  setRole: ownerProcedure
    .input(memberRoleInput)
    .mutation(({ ctx, input }) => setMemberRole(ctx, input.userId, input.role)),
  remove: ownerProcedure.input(memberIdInput).mutation(({ ctx, input }) => removeMember(ctx, input.userId)),
  invitations: ownerProcedure.query(({ ctx }) => listInvitations(ctx)),
  invite: ownerProcedure.input(inviteInput).mutation(({ ctx, input }) => createInvitation(ctx, input)),
  revokeInvitation: ownerProcedure
    .input(invitationIdInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx, input.invitationId)),
});
