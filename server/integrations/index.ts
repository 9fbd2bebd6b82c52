export { integrationTypeSchema, type IntegrationType } from "./integration-types";
export {
  customizationsSchema,
  httpStepSchema,
  stepDefinitionSchema,
  emailTemplateSchema,
  type IntegrationCustomizations,
  type HttpStep,
  type StepDefinition,
  type EmailTemplate,
} from "./customizations-schema";
export type { IntegrationDefinition, PredefinedVariable, IntegrationCapabilities, RateLimit } from "./integration-definition";
export { integrationDefinitions, getIntegrationDefinition } from "./registry";
export type { IntegrationRecord } from "./integration-record";
export { sendIntegrationMessage } from "./send-message";
export type { SendResult, SendDeps, RecordedRequest, RecordedResponse, StepRecord, SendErrorCode } from "./send-result";
export { previewMessage, type MessagePreview } from "./preview-message";
export { validateIntegrationTemplates, type IntegrationTemplateIssue } from "./validate-integration";
export { resolveMessagePlan, integrationVariables } from "./message-plan";
export { rateLimitBucket } from "./rate-limit";
export { isRetryableStatus, parseRetryAfter } from "./retry-classification";
