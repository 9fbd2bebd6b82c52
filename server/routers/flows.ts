import { z } from "zod";
import { createEndpoint, listEndpoints, revokeEndpoint } from "../flows/endpoint-service";
import {
  createFlowInput,
  flowIdInput,
  publishInput,
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
  saveDraft,
  setFlowEnabled,
} from "../flows/flow-service";
import { publicProcedure, router } from "../trpc";

export const flowsRouter = router({
  list: publicProcedure.query(({ ctx }) => listFlows(ctx)),
  get: publicProcedure.input(flowIdInput).query(({ ctx, input }) => getFlow(ctx, input.flowId)),
  create: publicProcedure.input(createFlowInput).mutation(({ ctx, input }) => createFlow(ctx, input)),
  saveDraft: publicProcedure.input(saveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx, input)),
  publish: publicProcedure.input(publishInput).mutation(({ ctx, input }) => publishFlow(ctx, input)),
  setEnabled: publicProcedure
    .input(setEnabledInput)
    .mutation(({ ctx, input }) => setFlowEnabled(ctx, input.flowId, input.enabled)),
  versions: publicProcedure.input(flowIdInput).query(({ ctx, input }) => listVersions(ctx, input.flowId)),
  version: publicProcedure
    .input(versionInput)
    .query(({ ctx, input }) => getVersion(ctx, input.flowId, input.versionId)),
  endpoints: publicProcedure.input(flowIdInput).query(({ ctx, input }) => listEndpoints(ctx, input.flowId)),
  createEndpoint: publicProcedure.input(flowIdInput).mutation(({ ctx, input }) => createEndpoint(ctx, input.flowId)),
  revokeEndpoint: publicProcedure
    .input(z.object({ flowId: z.string().uuid(), endpointId: z.string().uuid() }))
    .mutation(({ ctx, input }) => revokeEndpoint(ctx, input.flowId, input.endpointId)),
});
