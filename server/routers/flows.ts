import { z } from "zod";
import { createEndpoint, listEndpoints, revokeEndpoint } from "../flows/endpoint-service";
import {
  createFlowInput,
  duplicateFlowInput,
  flowIdInput,
  listFlowsInput,
  publishInput,
  restoreVersionInput,
  saveDraftInput,
  setArchivedInput,
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
import { deleteFlow, duplicateFlow, setFlowArchived } from "../flows/flow-lifecycle";
import { editorProcedure, viewerProcedure, router } from "../trpc";

export const flowsRouter = router({
  list: viewerProcedure.input(listFlowsInput).query(({ ctx, input }) => listFlows(ctx, input)),
  get: viewerProcedure.input(flowIdInput).query(({ ctx, input }) => getFlow(ctx, input.flowId)),
  create: editorProcedure.input(createFlowInput).mutation(({ ctx, input }) => createFlow(ctx, input)),
  saveDraft: editorProcedure.input(saveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx, input)),
  publish: editorProcedure.input(publishInput).mutation(({ ctx, input }) => publishFlow(ctx, input)),
  setEnabled: editorProcedure
    .input(setEnabledInput)
    .mutation(({ ctx, input }) => setFlowEnabled(ctx, input.flowId, input.enabled)),
  /** A published version becomes the draft again (audited as a restore). */
  restoreVersion: editorProcedure.input(restoreVersionInput).mutation(({ ctx, input }) => restoreVersion(ctx, input)),
  /** Archived flows refuse alerts (401, like an unknown token) and leave the list; runs and versions stay. */
  setArchived: editorProcedure
    .input(setArchivedInput)
    .mutation(({ ctx, input }) => setFlowArchived(ctx, input.flowId, input.archived)),
  /** A copy of the draft: not published, no endpoints. */
  duplicate: editorProcedure
    .input(duplicateFlowInput)
    .mutation(({ ctx, input }) => duplicateFlow(ctx, input.flowId, input.name)),
  /** Refused while an incident is open; deletes versions, endpoints and finished runs with the flow. */
  delete: editorProcedure.input(flowIdInput).mutation(({ ctx, input }) => deleteFlow(ctx, input.flowId)),
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
