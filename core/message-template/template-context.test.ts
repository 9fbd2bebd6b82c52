import { describe, expect, it } from "vitest";
import { renderTemplate } from "./render-template";
import { sampleTemplateContext, sampleTemplateContextInput } from "./sample-context";
import { SYSTEM_VARIABLES } from "./system-variables";
import { buildTemplateContext, type TemplateContextInput } from "./template-context";

function input(overrides: Partial<TemplateContextInput> = {}): TemplateContextInput {
  return { ...sampleTemplateContextInput("error"), ...overrides };
}

describe("buildTemplateContext", () => {
  it("maps every system variable for an Error", () => {
    const ctx = buildTemplateContext(input({ account: { id: "42", timeZone: "Europe/Amsterdam" } }));
    const rendered = Object.fromEntries(SYSTEM_VARIABLES.map((v) => [v.name, renderTemplate(`{{@${v.name}}}`, ctx)]));
    expect(rendered).toEqual({
      "account.accountId": "42",
      "alert.alertGuid": expect.stringMatching(/^[0-9a-f-]{36}$/),
      "alert.type": "Alert",
      "alert.description": 'Step 2 "Place order": HTTP 503 Service Unavailable',
      "alert.firstErrorDescription": 'Step 2 "Place order": HTTP 503 Service Unavailable',
      "alert.failureMessage": "Order confirmation not shown",
      "alert.errorTypeId": "5407",
      "alert.numberOfConsecutiveErrors": "3",
      "alert.checkpointName": "Amsterdam",
      "alert.timestampUtc": "2025-03-14T09:26:53",
      "alert.timestamp": "2025-03-14T10:26:53",
      "alert.timestampUtcFormatted": "3/14/2025 9:26 AM",
      "alert.timestampFormatted": "3/14/2025 10:26 AM",
      "alert.firstErrorUtc": "2025-03-14T09:26:53",
      "alert.firstError": "2025-03-14T10:26:53",
      "alert.firstErrorUtcFormatted": "3/14/2025 9:26 AM",
      "alert.firstErrorFormatted": "3/14/2025 10:26 AM",
      "alert.firstErrorCheckId": "31337",
      "alert.firstErrorCheckUrl": "https://alertflow.example.com/checks/31337",
      "alert.downtimeDuration": "",
      "alert.resolvedIpAddress": "203.0.113.10",
      "alert.serverIpv4": "203.0.113.10",
      "alert.serverIpv6": "2001:db8::10",
      "alert.responseBody": '{"error":"upstream timeout"}',
      "alert.responseHeaders": "Content-Type: application/json",
      "alert.sslValidUntil": "2026-01-31T23:59:59",
      "alert.summary": "Checkout API returns HTTP 503",
      "alert.severity": "critical",
      "alert.source": "Checkout API (production)",
      "alert.reminderNumber": "0",
      "alert.timestampUnix": String(Date.UTC(2025, 2, 14, 9, 26, 53) / 1000),
      "alert.firstErrorUnix": String(Date.UTC(2025, 2, 14, 9, 26, 53) / 1000),
      "alert.labels": '{"service":"checkout","env":"production","ComponentId":"cmp_sample"}',
      "alert.acknowledgeUrl": "https://alertflow.example.com/ack/v1.sample-acknowledge-link",
      "alert.resolveUrl": "https://alertflow.example.com/ack/v1.sample-resolve-link",
      "alertDefinition.guid": "00000000-0000-4000-8000-0000000000f1",
      "alertDefinition.name": "Sample alert flow",
      "escalationLevel.id": "1",
      "escalationLevel.message": "Sample escalation message: call the on-call engineer.",
      "incident.key": "1b4e28ba-2fa1-41d2-883f-0016d3cca427-0-1042",
      "incident.id": "00000000-0000-4000-8000-000000000001",
      "monitor.monitorGuid": "5f0c2b8e-8d0e-4b4a-9c7a-2f1d1b9c0a11",
      "monitor.name": "Checkout API",
      "monitor.type": "Transaction",
      "monitor.url": "https://shop.example.com/api/checkout",
      "monitor.notes": 'Owned by the "payments" team.\nEscalate to #payments-oncall.',
      "monitor.dashboardUrl": "https://alertflow.example.com/monitors/checkout",
      "monitor.editUrl": "https://alertflow.example.com/monitors/checkout/edit",
    });
    expect(renderTemplate("{{@CustomField(runbook)}} {{@CustomField(service)}}", ctx)).toBe(
      "https://runbooks.example.com/checkout checkout",
    );
  });

  it("offers no acknowledge or resolve link on an Ok", () => {
    const ctx = buildTemplateContext(sampleTemplateContextInput("ok"));
    expect(renderTemplate("[{{@alert.acknowledgeUrl}}][{{@alert.resolveUrl}}]", ctx)).toBe("[][]");
    const reminder = buildTemplateContext(sampleTemplateContextInput("reminder"));
    expect(renderTemplate("{{@alert.acknowledgeUrl}}", reminder)).toContain("/ack/");
  });

  it("renders Ok with the downtime as H:mm:ss, hours past 24", () => {
    const base = sampleTemplateContextInput("ok");
    const ctx = buildTemplateContext({
      ...base,
      incident: { ...base.incident, firstErrorAt: "2025-03-12T09:48:37Z", resolvedAt: "2025-03-14T09:51:58Z" },
    });
    expect(ctx.system["alert.type"]).toBe("Ok");
    expect(ctx.system["alert.downtimeDuration"]).toBe("48:03:21");
    expect(ctx.system["alert.timestampUtc"]).toBe("2025-03-14T09:51:58");
    expect(sampleTemplateContext("ok").system["alert.downtimeDuration"]).toBe("0:25:05");
  });

  it("renders Reminder with its number and the time it is sent", () => {
    const ctx = sampleTemplateContext("reminder");
    expect(ctx.system["alert.type"]).toBe("Reminder");
    expect(ctx.system["alert.reminderNumber"]).toBe("1");
    expect(ctx.system["alert.timestampUtc"]).toBe("2025-03-14T09:36:53");
    expect(ctx.system["alert.firstErrorUtc"]).toBe("2025-03-14T09:26:53");
  });

  it("keeps message ids stable per message and distinct between messages", () => {
    const a = buildTemplateContext(input());
    expect(buildTemplateContext(input()).system["alert.alertGuid"]).toBe(a.system["alert.alertGuid"]);
    expect(buildTemplateContext(input({ level: { id: 2, message: "" } })).system["alert.alertGuid"]).not.toBe(
      a.system["alert.alertGuid"],
    );
    expect(a.uniqueGuid).not.toBe(a.system["alert.alertGuid"]);
  });

  it("falls back for a bare alert: source from the monitor, description from the summary", () => {
    const base = input();
    const ctx = buildTemplateContext({
      ...base,
      alert: { ...base.alert, source: "", description: "", details: {}, occurredAt: "not a date" },
      now: "2025-01-01T00:00:00Z",
      account: undefined,
    });
    expect(ctx.system["alert.source"]).toBe("Checkout API");
    expect(ctx.system["alert.description"]).toBe("Checkout API returns HTTP 503");
    expect(ctx.system["alert.errorTypeId"]).toBe("");
    expect(ctx.system["alert.timestampUtc"]).toBe("2025-01-01T00:00:00");
    expect(ctx.system["account.accountId"]).toBe("");
  });
});
