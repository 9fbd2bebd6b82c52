import { describe, expect, it } from "vitest";
import type { IntegrationCustomizations } from "./customizations-schema";
import { validateIntegrationTemplates } from "./validate-integration";

const custom: IntegrationCustomizations = {
  stepDefinitions: [
    {
      messageTypes: ["error", "reminder"],
      steps: [
        {
          name: "Login",
          method: "POST",
          url: "{{ApiUrl}}/login",
          headers: { "X-Key": "{{ApiKey}}" },
          body: { type: "form", fields: { user: "{{User}}" } },
          auth: { type: "none" },
          captures: [{ name: "Token", from: "jsonPath", path: "$.token" }],
        },
        {
          name: "Send",
          method: "POST",
          url: "{{ApiUrl}}/alerts",
          headers: {},
          body: { type: "raw", content: '{"d":"{{@JsonEncode({{@alert.nope}})}}"}' },
          auth: { type: "bearer", token: "{{Token}}" },
          captures: [],
        },
      ],
    },
    {
      messageTypes: ["ok"],
      steps: [
        {
          name: "",
          method: "GET",
          url: "{{ApiUrl}}/{{Token}}",
          headers: {},
          body: { type: "none" },
          auth: { type: "none" },
          captures: [],
        },
      ],
    },
  ],
};

describe("validateIntegrationTemplates", () => {
  it("reports unknown variables per step and field, with positions, and lets later steps use captures", () => {
    const issues = validateIntegrationTemplates({
      type: "webhook",
      variables: { User: "bot" },
      secretNames: [],
      customizations: custom,
    });
    expect(issues.map((i) => [i.path, i.code, i.position, i.messageTypes])).toEqual([
      ["stepDefinitions.0.steps.0.headers.X-Key", "UNKNOWN_VARIABLE", 0, ["error", "reminder"]],
      ["stepDefinitions.0.steps.1.body.content", "UNKNOWN_VARIABLE", 20, ["error", "reminder"]],
      // A capture belongs to its own definition only.
      ["stepDefinitions.1.steps.0.url", "UNKNOWN_VARIABLE", 11, ["ok"]],
    ]);
    expect(issues[0]?.message).toContain("{{ApiKey}}");
  });

  it("accepts secrets by name and the type's predefined variables", () => {
    const issues = validateIntegrationTemplates({
      type: "webhook",
      variables: { User: "bot" },
      secretNames: ["ApiKey"],
      customizations: custom,
    });
    expect(issues.map((i) => i.path)).toEqual([
      "stepDefinitions.0.steps.1.body.content",
      "stepDefinitions.1.steps.0.url",
    ]);
  });

  it("checks customized email templates", () => {
    const issues = validateIntegrationTemplates({
      type: "email",
      variables: {},
      customizations: { email: { ok: { subject: "{{@alert.type}} {{Oops", html: "", text: "{{To}}" } } },
    });
    expect(issues.map((i) => [i.path, i.code])).toEqual([["email.ok.subject", "UNCLOSED_EXPRESSION"]]);
  });

  it("has nothing to say about an integration without customizations", () => {
    expect(validateIntegrationTemplates({ type: "pagerduty", variables: {}, customizations: null })).toEqual([]);
  });
});
