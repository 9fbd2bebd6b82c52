import { describe, expect, it } from "vitest";
import { validateTemplate } from "../message-template/validate-template";
import { customizationsSchema } from "./customizations-schema";
import { integrationTypeSchema } from "./integration-types";
import { integrationDefinitions } from "./registry";

describe("integration catalogue", () => {
  it("defines every integration type under its own key", () => {
    for (const type of integrationTypeSchema.options) expect(integrationDefinitions[type].type).toBe(type);
  });

  it.each(integrationTypeSchema.options)("%s: default templates parse and use only known variables", (type) => {
    const definition = integrationDefinitions[type];
    const known = new Set(definition.variables.map((v) => v.name));
    const problems = (src: string, names: Set<string>) =>
      validateTemplate(src, { knownVariables: names }).map((e) => e.message);
    if (definition.transport === "smtp" || definition.transport === "inbox") {
      const templates = definition.transport === "smtp" ? definition.defaultEmail : definition.defaultMessage;
      for (const t of Object.values(templates)) {
        for (const src of [t.subject, t.html, t.text]) expect(problems(src, known)).toEqual([]);
      }
      return;
    }
    // Defaults are held to the rules users' customizations are.
    expect(customizationsSchema.safeParse({ stepDefinitions: definition.defaultStepDefinitions }).success).toBe(true);
    for (const d of definition.defaultStepDefinitions) {
      const names = new Set(known);
      for (const step of d.steps) {
        const sources = [step.url, ...Object.values(step.headers)];
        if (step.body.type === "raw") sources.push(step.body.content);
        if (step.body.type === "form") sources.push(...Object.values(step.body.fields));
        for (const src of sources) expect(problems(src, names)).toEqual([]);
        for (const c of step.captures) names.add(c.name);
      }
    }
  });

  it.each(integrationTypeSchema.options)("%s: capabilities agree with the default message types", (type) => {
    const definition = integrationDefinitions[type];
    const { defaultMessageTypes, supportsOk } = definition.capabilities;
    expect(defaultMessageTypes).toContain("error");
    if (defaultMessageTypes.includes("ok")) expect(supportsOk).toBe(true);
    if (definition.transport === "http") {
      const covered = definition.defaultStepDefinitions.flatMap((d) => d.messageTypes).sort();
      expect(covered).toEqual([...defaultMessageTypes].sort());
    }
    expect(definition.rateLimit.eventsPerMinute).toBeGreaterThan(0);
    if (definition.rateLimit.per.kind === "variable") {
      const name = definition.rateLimit.per.name;
      expect(definition.variables.some((v) => v.name === name)).toBe(true);
    }
  });

  it("declares the documented receiver rate limits", () => {
    expect(integrationDefinitions.pagerduty.rateLimit).toEqual({
      eventsPerMinute: 120,
      per: { kind: "variable", name: "RoutingKey" },
    });
    expect(integrationDefinitions.slack.rateLimit.eventsPerMinute).toBe(60);
    expect(integrationDefinitions.statuspage.rateLimit.eventsPerMinute).toBe(60);
  });
});
