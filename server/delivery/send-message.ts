import { buildTemplateContext, type TemplateContextInput } from "~/core/message-template/template-context";
import type { IntegrationRecord } from "~/core/integrations/integration-record";
import { integrationVariables, resolveMessagePlan } from "~/core/integrations/message-plan";
import { sendEmail } from "./send-email";
import { sendHttpSteps } from "./send-http-steps";
import { sendToInbox } from "./send-inbox";
import type { SendResult } from "~/core/integrations/send-result";
import type { SendDeps } from "./send-deps";

export function skippedResult(reason: string): SendResult {
  return {
    ok: true,
    skipped: true,
    skipReason: reason,
    retryable: false,
    request: null,
    response: null,
    steps: [],
    attemptsInfo: { requests: 0 },
    latencyMs: 0,
  };
}

/**
 * Sends one message (one message type for one incident and level) through an integration and
 * classifies the outcome for the retry policy. Never throws for delivery problems: template
 * errors, blocked addresses, network failures and HTTP errors all come back as a result.
 * `input.variables` are the escalation level's values for per-level variables.
 */
export async function sendIntegrationMessage(
  integration: IntegrationRecord,
  input: TemplateContextInput,
  deps: SendDeps,
): Promise<SendResult> {
  const plan = resolveMessagePlan(integration, input.messageType);
  if (plan.kind === "skip") return skippedResult(plan.reason);
  const ctx = buildTemplateContext({ ...input, variables: integrationVariables(integration, input.variables) });
  const secrets = Object.values(integration.secrets);
  if (plan.kind === "email") return sendEmail(plan.template, ctx, secrets, deps);
  if (plan.kind === "inbox") return sendToInbox(plan.template, ctx, input, deps);
  return sendHttpSteps(plan.definition, ctx, secrets, deps);
}
