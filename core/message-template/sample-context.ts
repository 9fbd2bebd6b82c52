import { buildTemplateContext, type TemplateContext, type TemplateContextInput } from "./template-context";
import type { MessageType } from "./message-type";

/**
 * A made-up but realistic alert for previews and test-sends, as Uptrends' "Send test alert"
 * fills in monitor and alert data the user did not provide.
 */
export function sampleTemplateContextInput(
  messageType: MessageType,
  variables: Record<string, string> = {},
): TemplateContextInput {
  const firstErrorAt = "2025-03-14T09:26:53.000Z";
  const resolvedAt = "2025-03-14T09:51:58.000Z";
  return {
    alert: {
      key: "sample-incident-key",
      status: messageType === "ok" ? "ok" : "error",
      summary: "Checkout API returns HTTP 503",
      description: 'Step 2 "Place order": HTTP 503 Service Unavailable',
      severity: "critical",
      source: "Checkout API (production)",
      labels: { service: "checkout", env: "production", ComponentId: "cmp_sample" },
      annotations: { runbook: "https://runbooks.example.com/checkout" },
      monitor: {
        guid: "5f0c2b8e-8d0e-4b4a-9c7a-2f1d1b9c0a11",
        name: "Checkout API",
        type: "Transaction",
        url: "https://shop.example.com/api/checkout",
        notes: 'Owned by the "payments" team.\nEscalate to #payments-oncall.',
        dashboardUrl: "https://alertflow.example.com/monitors/checkout",
        editUrl: "https://alertflow.example.com/monitors/checkout/edit",
      },
      details: {
        errorTypeId: "5407",
        numberOfConsecutiveErrors: "3",
        checkpointName: "Amsterdam",
        failureMessage: "Order confirmation not shown",
        firstErrorCheckId: "31337",
        firstErrorCheckUrl: "https://alertflow.example.com/checks/31337",
        resolvedIpAddress: "203.0.113.10",
        serverIpv4: "203.0.113.10",
        serverIpv6: "2001:db8::10",
        responseBody: '{"error":"upstream timeout"}',
        responseHeaders: "Content-Type: application/json",
        sslValidUntil: "2026-01-31T23:59:59",
      },
      occurredAt: messageType === "ok" ? resolvedAt : firstErrorAt,
    },
    messageType,
    incident: {
      id: "00000000-0000-4000-8000-000000000001",
      key: "1b4e28ba-2fa1-41d2-883f-0016d3cca427-0-1042",
      firstErrorAt,
      resolvedAt: messageType === "ok" ? resolvedAt : null,
    },
    level: { id: 1, message: "Sample escalation message: call the on-call engineer." },
    flow: { id: "00000000-0000-4000-8000-0000000000f1", name: "Sample alert flow" },
    reminderNumber: messageType === "reminder" ? 1 : 0,
    variables,
    account: { id: "100001", timeZone: "UTC" },
    now: messageType === "reminder" ? "2025-03-14T09:36:53.000Z" : undefined,
    // Previews show the shape of a link; real ones are signed when the message is sent.
    links: {
      acknowledgeUrl: "https://alertflow.example.com/ack/v1.sample-acknowledge-link",
      resolveUrl: "https://alertflow.example.com/ack/v1.sample-resolve-link",
    },
  };
}

export function sampleTemplateContext(
  messageType: MessageType,
  variables: Record<string, string> = {},
): TemplateContext {
  return buildTemplateContext(sampleTemplateContextInput(messageType, variables));
}
