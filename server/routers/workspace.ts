import { updateWorkspaceSettingsInput } from "~/core/accounts/workspace-settings-inputs";
import { getWorkspaceSettings, updateWorkspaceSettings } from "../workspace/workspace-settings";
import { ownerProcedure, router, viewerProcedure } from "../trpc";

export const workspaceRouter = router({
  /** Name, retention, time zone and outbound allow-list; everyone in the workspace may read them. */
  settings: viewerProcedure.query(({ ctx }) => getWorkspaceSettings(ctx)),
  updateSettings: ownerProcedure
    .input(updateWorkspaceSettingsInput)
    .mutation(({ ctx, input }) => updateWorkspaceSettings(ctx, input)),
});
