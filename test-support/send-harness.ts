import type { MessageType } from "~/core/message-template/message-type";
import { sampleTemplateContextInput } from "~/core/message-template/sample-context";
import type { TemplateContextInput } from "~/core/message-template/template-context";
import type { IntegrationCustomizations } from "~/core/integrations/customizations-schema";
import type { IntegrationRecord } from "~/core/integrations/integration-record";
import type { IntegrationType } from "~/core/integrations/integration-types";
import { sendIntegrationMessage } from "~/server/delivery/send-message";
import type { SendResult } from "~/core/integrations/send-result";

export function integration(
  type: IntegrationType,
  variables: Record<string, string>,
  secrets: Record<string, string> = {},
  customizations: IntegrationCustomizations | null = null,
): IntegrationRecord {
  return { id: "11111111-1111-4111-8111-111111111111", type, name: `Test ${type}`, variables, secrets, customizations };
}

/**
 * The sample alert made hostile: quotes, backslashes, newlines, markup and texts longer than
 * any receiver allows, so the contracts are checked where templates usually break.
 */
export function hostileInput(
  messageType: MessageType,
  levelVariables: Record<string, string> = {},
): TemplateContextInput {
  const base = sampleTemplateContextInput(messageType, levelVariables);
  const long = `"Quoted" \\ back\\slash <b>tag</b> & ünïcödé ✓ ${"x".repeat(3000)}`;
  return {
    ...base,
    alert: {
      ...base.alert,
      summary: long.slice(0, 1024),
      description: `line 1\nline 2\t"${long}"`,
      monitor: { ...base.alert.monitor, name: `Checkout "API" ${"n".repeat(300)}` },
    },
    level: { id: 2, message: 'Call "ops"\nnow' },
  };
}

export function idempotencyKey(messageType: MessageType): string {
  return `run-1:2:${messageType}:${messageType === "reminder" ? 1 : 0}`;
}

export function send(
  record: IntegrationRecord,
  messageType: MessageType,
  input: TemplateContextInput = hostileInput(messageType),
): Promise<SendResult> {
  return sendIntegrationMessage(record, input, {
    timeoutMs: 5000,
    idempotencyKey: idempotencyKey(messageType),
    outbound: { allowList: ["127.0.0.1"] },
  });
}
