import { describe, expect, it } from "vitest";
import { sampleTemplateContextInput } from "../message-template/sample-context";
import type { IntegrationCustomizations } from "./customizations-schema";
import type { IntegrationRecord } from "./integration-record";
import { secretReentryIssues } from "./secret-reentry";

const sample = sampleTemplateContextInput("error");
const record = (over: Partial<IntegrationRecord> & Pick<IntegrationRecord, "type">): IntegrationRecord => ({
  id: "i-1",
  name: "Saved",
  variables: {},
  secrets: {},
  customizations: null,
  ...over,
});
const check = (saved: IntegrationRecord, draft: IntegrationRecord, carried = Object.keys(saved.secrets)) =>
  secretReentryIssues({ saved, draft, carried, savedSample: sample, draftSample: sample }).map((i) => [
    i.path,
    i.secrets,
  ]);

const bearerWebhook = (): IntegrationCustomizations & Required<Pick<IntegrationCustomizations, "stepDefinitions">> => ({
  stepDefinitions: [
    {
      messageTypes: ["error" as const],
      steps: [
        {
          name: "Post",
          method: "POST" as const,
          url: "{{ApiUrl}}/hook",
          headers: { "X-Team": "payments" },
          body: { type: "raw" as const, content: '{"summary": "{{@JsonEncode({{@alert.summary}})}}"}' },
          auth: { type: "bearer" as const, token: "{{Token}}" },
          captures: [],
        },
      ],
    },
  ],
});

describe("which draft changes need a saved secret typed again", () => {
  const serviceNow = record({
    type: "servicenow",
    variables: { InstanceUrl: "https://acme.service-now.com", Username: "bot", AssignmentGroup: "ops" },
    secrets: { Password: "pw" },
  });

  it("lets an unchanged draft, or one that changes nothing a secret travels with, use the saved secrets", () => {
    expect(check(serviceNow, { ...serviceNow })).toEqual([]);
    expect(check(serviceNow, { ...serviceNow, variables: { ...serviceNow.variables, AssignmentGroup: "db" } })).toEqual(
      [],
    );
    const webhook = record({
      type: "webhook",
      variables: { ApiUrl: "https://hooks.example.com" },
      secrets: { Token: "t" },
      customizations: bearerWebhook(),
    });
    const edited = bearerWebhook();
    const step = edited.stepDefinitions[0]?.steps[0];
    if (step) step.headers = { "X-Team": "search" };
    expect(check(webhook, { ...webhook, customizations: edited })).toEqual([]);
  });

  it("names a variable that moves the URL's origin, unless the secret was typed again", () => {
    const moved = { ...serviceNow, variables: { ...serviceNow.variables, InstanceUrl: "https://evil.example" } };
    expect(check(serviceNow, moved)).toContainEqual(["variables.InstanceUrl", ["Password"]]);
    expect(check(serviceNow, moved, [])).toEqual([]);
  });

  it("names a changed login for basic auth", () => {
    const other = { ...serviceNow, variables: { ...serviceNow.variables, Username: "someone-else" } };
    expect(check(serviceNow, other)).toEqual([["variables.Username", ["Password"]]]);
  });

  it("names a template that reads a secret in a new way (any encoding)", () => {
    const pagerDuty = record({ type: "pagerduty", secrets: { RoutingKey: "rk" } });
    const customizations: IntegrationCustomizations = {
      stepDefinitions: [
        {
          messageTypes: ["error"],
          steps: [
            {
              name: "",
              method: "POST",
              url: "https://events.pagerduty.com/v2/enqueue",
              headers: {},
              body: { type: "raw", content: '{"k": "{{@Base64Encode({{RoutingKey}})}}"}' },
              auth: { type: "none" },
              captures: [],
            },
          ],
        },
      ],
    };
    expect(check(pagerDuty, { ...pagerDuty, customizations })).toContainEqual([
      "customizations.stepDefinitions.0.steps.0.body.content",
      ["RoutingKey"],
    ]);
  });

  it("names changed auth settings and a changed URL template", () => {
    const webhook = record({
      type: "webhook",
      variables: { ApiUrl: "https://hooks.example.com" },
      secrets: { Token: "t" },
      customizations: bearerWebhook(),
    });
    const edited = bearerWebhook();
    const step = edited.stepDefinitions[0]?.steps[0];
    if (!step) throw new Error("no step");
    step.auth = { type: "basic", username: "x", password: "{{Token}}" };
    step.url = "https://other.example/hook";
    const paths = check(webhook, { ...webhook, customizations: edited }).map(([p]) => p);
    expect(paths).toEqual(
      expect.arrayContaining([
        "customizations.stepDefinitions.0.steps.0.auth.password",
        "customizations.stepDefinitions.0.steps.0.auth",
        "customizations.stepDefinitions.0.steps.0.url",
      ]),
    );
  });

  it("names a URL whose origin follows the sample alert", () => {
    const custom = bearerWebhook();
    const step = custom.stepDefinitions[0]?.steps[0];
    if (!step) throw new Error("no step");
    step.url = "https://{{@alert.source}}/hook";
    const saved = record({ type: "webhook", secrets: { Token: "t" }, customizations: custom });
    const draftSample = { ...sample, alert: { ...sample.alert, source: "evil.example" } };
    const issues = secretReentryIssues({ saved, draft: saved, carried: ["Token"], savedSample: sample, draftSample });
    expect(issues.map((i) => i.path)).toEqual(["customizations.stepDefinitions.0.steps.0.url"]);
  });

  it("guards the SMTP password against a new mail server", () => {
    const email = record({
      type: "email",
      variables: { SmtpHost: "smtp.example.com", From: "a@example.com", To: "b@example.com" },
      secrets: { SmtpPassword: "pw" },
    });
    const moved = { ...email, variables: { ...email.variables, SmtpHost: "smtp.evil.example" } };
    expect(check(email, moved)).toEqual([["variables.SmtpHost", ["SmtpPassword"]]]);
    expect(check(email, { ...email, variables: { ...email.variables, To: "c@example.com" } })).toEqual([]);
  });
});
