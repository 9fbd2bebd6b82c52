import { createIntegrationInput, integrationIdInput, updateIntegrationInput } from "../integration-store/integration-inputs";
import {
  createIntegration,
  deleteIntegration,
  flowsUsingIntegration,
  getIntegration,
  listIntegrations,
  updateIntegration,
} from "../integration-store/integration-service";
import { publicProcedure, router } from "../trpc";

export const integrationsRouter = router({
  list: publicProcedure.query(({ ctx }) => listIntegrations(ctx)),
  get: publicProcedure.input(integrationIdInput).query(({ ctx, input }) => getIntegration(ctx, input.integrationId)),
  usedBy: publicProcedure
    .input(integrationIdInput)
    .query(({ ctx, input }) => flowsUsingIntegration(ctx, input.integrationId)),
  create: publicProcedure.input(createIntegrationInput).mutation(({ ctx, input }) => createIntegration(ctx, input)),
  update: publicProcedure.input(updateIntegrationInput).mutation(({ ctx, input }) => updateIntegration(ctx, input)),
  delete: publicProcedure
    .input(integrationIdInput)
    .mutation(({ ctx, input }) => deleteIntegration(ctx, input.integrationId)),
});
