import { z } from "zod";
import { createEndpoint, listEndpoints, revokeEndpoint } from "../flows/endpoint-service";
import {
  createFlowInput,
  flowIdInput,
  publishInput,
  restoreVersionInput,
  saveDraftInput,
  setEnabledInput,
  versionInput,
} from "../flows/flow-inputs";
import {
  createFlow,
  getFlow,
  getVersion,
  listFlows,
  listVersions,
  publishFlow,
  restoreVersion,
  saveDraft,
  setFlowEnabled,
} from "../flows/flow-service";
import { editorProcedure, viewerProcedure, router } from "../trpc";

export const flowsRouter = router({
  list: viewerProcedure.query(({ ctx }) => listFlows(ctx)),
  get: viewerProcedure.input(flowIdInput).query(({ ctx, input }) => getFlow(ctx, input.flowId)),
  create: editorProcedure.input(createFlowInput).mutation(({ ctx, input }) => createFlow(ctx, input)),
  saveDraft: editorProcedure.input(saveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx, input)),
  publish: editorProcedure.input(publishInput).mutation(({ ctx, input }) => publishFlow(ctx, input)),
  setEnabled: editorProcedure
    .input(setEnabledInput)
    .mutation(({ ctx, input }) => setFlowEnabled(ctx, input.flowId, input.enabled)),
  /** A published version becomes the draft again (audited as a restore). */
  restoreVersion: editorProcedure.input(restoreVersionInput).mutation(({ ctx, input }) => restoreVersion(ctx, input)),
  versions: viewerProcedure.input(flowIdInput).query(({ ctx, input }) => listVersions(ctx, input.flowId)),
  version: viewerProcedure
    .input(versionInput)
    .query(({ ctx, input }) => getVersion(ctx, input.flowId, input.versionId)),
  endpoints: viewerProcedure.input(flowIdInput).query(({ ctx, input }) => listEndpoints(ctx, input.flowId)),
  createEndpoint: editorProcedure.input(flowIdInput).mutation(({ ctx, input }) => createEndpoint(ctx, input.flowId)),
  revokeEndpoint: editorProcedure
    .input(z.object({ flowId: z.string().uuid(), endpointId: z.string().uuid() }))
    .mutation(({ ctx, input }) => revokeEndpoint(ctx, input.flowId, input.endpointId)),
});
