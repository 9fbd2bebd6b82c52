import { describe, expect, it } from "vitest";
import { previewMessage } from "./preview-message";
import { integration } from "../../test-support/send-harness";

describe("previewMessage", () => {
  it("renders a PagerDuty trigger for the sample alert without sending, secrets masked", () => {
    const preview = previewMessage(
      integration("pagerduty", {}, { RoutingKey: "R0123456789abcdef0123456789abcd1" }),
      "error",
    );
    expect(preview.problems).toEqual([]);
    expect(preview.requests).toHaveLength(1);
    const [request] = preview.requests;
    expect(request).toMatchObject({
      step: { kind: "http", number: 1, name: "Trigger", builtIn: true },
      method: "POST",
      url: "https://events.pagerduty.com/v2/enqueue",
    });
    const body = JSON.parse(request?.body ?? "{}");
    expect(body).toMatchObject({
      routing_key: "[secret:RoutingKey]",
      event_action: "trigger",
      payload: { summary: "Checkout API returns HTTP 503" },
    });
  });

  it("shows multi-step requests with placeholders for captured values", () => {
    const preview = previewMessage(
      integration("servicenow", { InstanceUrl: "https://acme.service-now.com", Username: "bot" }, { Password: "pw" }),
      "ok",
    );
    expect(preview.requests.map((r) => [r.step.kind === "http" ? r.step.name : r.step.kind, r.method])).toEqual([
      ["Find incident", "GET"],
      ["Resolve incident", "PATCH"],
    ]);
    expect(preview.requests[1]?.url).toBe("https://acme.service-now.com/api/now/table/incident/<IncidentSysId ← #1>");
    expect(preview.requests[0]?.headers.Authorization).toBe(`Basic ${btoa("bot:[secret:Password]")}`);
  });

  it("renders email and reports skipped types and template problems", () => {
    const email = previewMessage(
      integration("email", { SmtpHost: "smtp.example.com", From: "a@example.com", To: "b@example.com" }),
      "ok",
    );
    expect(email.email?.subject).toBe("[Ok] Checkout API recovered after 0:25:05");
    expect(previewMessage(integration("statuspage", {}), "reminder")).toMatchObject({ skipped: true });
    const broken = previewMessage(integration("webhook", {}), "error");
    expect(broken.problems).toEqual([
      expect.objectContaining({
        code: "UNKNOWN_VARIABLE",
        step: expect.objectContaining({ name: "Send alert", builtIn: true }),
      }),
    ]);
  });
});
