import { listIntegrationTypes, templateReference } from "~/core/integrations/integration-catalogue";
import {
  createIntegrationInput,
  integrationIdInput,
  outboundUrlInput,
  previewInput,
  sampleAlertInput,
  setEnabledInput,
  testSendInput,
  updateIntegrationInput,
} from "~/core/integrations/integration-inputs";
import { previewIntegration } from "../integrations/integration-preview";
import {
  createIntegration,
  deleteIntegration,
  getIntegration,
  integrationUsedBy,
  listIntegrations,
  setIntegrationEnabled,
  updateIntegration,
} from "../integrations/integration-service";
import { testSendIntegration } from "../integrations/integration-test-send";
import { checkOutboundUrl } from "../integrations/outbound-url-check";
import { sampleAlertFor } from "../integrations/sample-input";
import { editorProcedure, viewerProcedure, router } from "../trpc";

export const integrationsRouter = router({
  /** The catalogue: every type with its variables, capabilities, rate limit and default messages. */
  types: viewerProcedure.query(() => listIntegrationTypes()),
  templateReference: viewerProcedure.query(() => templateReference()),
  sampleAlert: viewerProcedure.input(sampleAlertInput).query(({ input }) => sampleAlertFor(input.messageType)),
  list: viewerProcedure.query(({ ctx }) => listIntegrations(ctx)),
  /** Whether a typed URL would pass the outbound guard now; resolves the host, sends nothing. */
  checkOutboundUrl: viewerProcedure.input(outboundUrlInput).query(({ ctx, input }) => checkOutboundUrl(ctx, input.url)),
  get: viewerProcedure.input(integrationIdInput).query(({ ctx, input }) => getIntegration(ctx, input.integrationId)),
  usedBy: viewerProcedure
    .input(integrationIdInput)
    .query(({ ctx, input }) => integrationUsedBy(ctx, input.integrationId)),
  create: editorProcedure.input(createIntegrationInput).mutation(({ ctx, input }) => createIntegration(ctx, input)),
  update: editorProcedure.input(updateIntegrationInput).mutation(({ ctx, input }) => updateIntegration(ctx, input)),
  setEnabled: editorProcedure
    .input(setEnabledInput)
    .mutation(({ ctx, input }) => setIntegrationEnabled(ctx, input.integrationId, input.enabled)),
  delete: editorProcedure
    .input(integrationIdInput)
    .mutation(({ ctx, input }) => deleteIntegration(ctx, input.integrationId)),
  /**
   * Renders without sending. A mutation only for transport: a draft with its bodies is too long
   * for the URL of a GET, so it travels as a POST body. It changes nothing.
   */
  preview: editorProcedure.input(previewInput).mutation(({ ctx, input }) => previewIntegration(ctx, input)),
  /** Sends for real through the same sender and outbound guard as deliveries. */
  testSend: editorProcedure.input(testSendInput).mutation(({ ctx, input }) => testSendIntegration(ctx, input)),
});
