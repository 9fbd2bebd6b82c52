import { describe, expect, it } from "vitest";
import { integrationChanges, type IntegrationSnapshot } from "./integration-change";

const base: IntegrationSnapshot = {
  name: "Pager",
  enabled: true,
  variables: { ApiUrl: "https://a.example/x", Region: "eu" },
  secrets: { RoutingKey: "rk-old", Token: "tk-secret-1" },
  customizations: { error: { steps: [] } },
};

describe("integrationChanges", () => {
  it("names nothing when nothing changed", () => {
    expect(integrationChanges(base, structuredClone(base))).toEqual({ changed: [], secretsChanged: [] });
  });

  it("does not count reordered keys as a change", () => {
    const before = { ...base, customizations: { error: { headers: { a: "1", b: "2" } } } };
    const after = { ...base, customizations: { error: { headers: { b: "2", a: "1" } } } };
    expect(integrationChanges(before, after).changed).toEqual([]);
  });

  it("names changed, added and removed fields and secrets, never a secret's value", () => {
    const after: IntegrationSnapshot = {
      name: "Pager 2",
      enabled: false,
      variables: { ApiUrl: "https://b.example/x", Extra: "1" },
      secrets: { RoutingKey: "rk-new", Password: "pw-secret-2" },
      customizations: { error: { steps: [] }, ok: { steps: [] } },
    };
    const result = integrationChanges(base, after);
    expect(result).toEqual({
      changed: ["name", "enabled", "variables.ApiUrl", "variables.Extra", "variables.Region", "customizations.ok"],
      secretsChanged: ["Password", "RoutingKey", "Token"],
    });
    const text = JSON.stringify(result);
    for (const secret of ["rk-old", "rk-new", "pw-secret-2", "tk-secret-1"]) expect(text).not.toContain(secret);
  });
});
