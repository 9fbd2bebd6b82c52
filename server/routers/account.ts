import { TRPCError } from "@trpc/server";
import {
  createWorkspaceInput,
  invitationTokenInput,
  setupInput,
  workspaceIdInput,
} from "~/core/accounts/account-inputs";
import { profileLocaleInput } from "~/core/i18n/profile-locale-input";
import { needsSetup, runFirstSetup } from "../auth/first-run";
import { acceptInvitation, previewInvitation } from "../auth/invitations";
import { createWorkspace, listMemberships, switchWorkspace } from "../auth/workspace-service";
import { saveProfileLocale } from "../i18n/save-profile-locale";
import { anonymousProcedure, router, userProcedure } from "../trpc";

export const accountRouter = router({
  /** Who is signed in, their workspaces and the current one; or whether the instance needs setup. */
  me: anonymousProcedure.query(async ({ ctx }) => {
    if (!ctx.actor.userId) return { user: null, setupNeeded: await needsSetup(ctx.db) };
    const workspaces = await listMemberships(ctx.db, ctx.actor.userId);
    const current = workspaces.find((w) => w.id === ctx.workspaceId) ?? null;
    return {
      user: { id: ctx.actor.userId, name: ctx.actor.name },
      setupNeeded: false,
      viaToken: !ctx.sessionId,
      workspaces,
      current,
    };
  }),
  /** First run only: refused once anyone can sign in. */
  setup: anonymousProcedure.input(setupInput).mutation(({ ctx, input }) => {
    if (!ctx.auth) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "setup needs an HTTP request" });
    return runFirstSetup({ db: ctx.db, auth: ctx.auth, resHeaders: ctx.resHeaders }, input);
  }),
  createWorkspace: userProcedure
    .input(createWorkspaceInput)
    .mutation(({ ctx, input }) => createWorkspace(ctx.db, ctx, input.name)),
  switchWorkspace: userProcedure
    .input(workspaceIdInput)
    .mutation(({ ctx, input }) => switchWorkspace(ctx.db, ctx, input.workspaceId)),
  /** The interface language on the caller's own profile; it outranks the switcher's cookie and the browser. */
  setLocale: userProcedure
    .input(profileLocaleInput)
    .mutation(({ ctx, input }) => saveProfileLocale(ctx.db, ctx.userId, input.locale)),
  /** The invitation page, before sign-in: which workspace and role the link offers. */
  invitation: anonymousProcedure
    .input(invitationTokenInput)
    .query(({ ctx, input }) => previewInvitation(ctx.db, input.token)),
  acceptInvitation: userProcedure
    .input(invitationTokenInput)
    .mutation(({ ctx, input }) =>
      acceptInvitation(ctx.db, { userId: ctx.userId, name: ctx.actor.name, sessionId: ctx.sessionId }, input.token),
    ),
});
