import { describe, expect, it } from "vitest";
import { integration } from "../../test-support/send-harness";
import type { LOCALES } from "../i18n/locales";
import { MESSAGE_TYPES } from "../message-template/message-type";
import { customizationsSchema } from "./customizations-schema";
import { PRESET_LANGUAGE_TYPES, presetLanguageCustomizations } from "./preset-language";
import { presetStepName } from "./preset-step-names";
import { previewMessage } from "./preview-message";
import { getIntegrationDefinition } from "./registry";
import { validateIntegrationTemplates } from "./validate-integration";

const VARIABLES: Record<(typeof PRESET_LANGUAGE_TYPES)[number], Record<string, string>> = {
  email: { SmtpHost: "smtp.example.com", From: "a@example.com", To: "b@example.com" },
  inbox: {},
  slack: {},
  teams: { WorkflowUrl: "https://example.com/teams" },
  sms: { AccountSid: "AC1", From: "+3212345678", To: "+3287654321" },
  phone: { AccountSid: "AC1", From: "+3212345678", To: "+3287654321" },
  pagerduty: {},
  opsgenie: {},
  servicenow: { InstanceUrl: "https://example.service-now.com", Username: "alertflow" },
  "splunk-oncall": { RoutingKey: "ops" },
  statushub: {},
};
const SECRETS: Record<(typeof PRESET_LANGUAGE_TYPES)[number], Record<string, string>> = {
  email: {},
  inbox: {},
  slack: { WebhookUrl: "https://hooks.example.com/x" },
  teams: {},
  sms: { AuthToken: "token" },
  phone: { AuthToken: "token" },
  pagerduty: { RoutingKey: "key" },
  opsgenie: { ApiKey: "key" },
  servicenow: { Password: "secret" },
  "splunk-oncall": { SplunkOnCallUrl: "https://alert.example.com/rest/key" },
  statushub: { HookUrl: "https://hooks.example.com/uptrends?token=x" },
};

/** Everything a preset sends for one message type, as text, to look for words in. */
function rendered(type: (typeof PRESET_LANGUAGE_TYPES)[number], locale: (typeof LOCALES)[number]) {
  const record = integration(type, VARIABLES[type], SECRETS[type], presetLanguageCustomizations(type, locale) ?? null);
  return MESSAGE_TYPES.map((messageType) => {
    const preview = previewMessage(record, messageType);
    expect(preview.problems).toEqual([]);
    return JSON.stringify([preview.requests.map((r) => r.body), preview.email]);
  }).join("\n");
}

describe("built-in presets in a language", () => {
  it("English is the built-in default: nothing to customize", () => {
    for (const type of PRESET_LANGUAGE_TYPES) expect(presetLanguageCustomizations(type, "en")).toBeUndefined();
    expect(presetLanguageCustomizations("webhook", "fr")).toBeUndefined();
    expect(presetLanguageCustomizations("alertops", "nl")).toBeUndefined();
    expect(presetLanguageCustomizations("statuspage", "fr")).toBeUndefined();
  });

  it.each(PRESET_LANGUAGE_TYPES.flatMap((type) => (["fr", "nl"] as const).map((locale) => [type, locale] as const)))(
    "%s in %s: valid customizations that send the same requests as the English default, worded differently",
    (type, locale) => {
      const customizations = presetLanguageCustomizations(type, locale);
      expect(customizationsSchema.parse(customizations)).toEqual(customizations);
      expect(
        validateIntegrationTemplates({
          type,
          variables: VARIABLES[type],
          secretNames: Object.keys(SECRETS[type]),
          customizations: customizations ?? null,
        }),
      ).toEqual([]);
      // Same steps, methods, URLs and message types as the default: only the words differ.
      const definition = getIntegrationDefinition(type);
      if (definition.transport === "http") {
        const shape = (defs: typeof definition.defaultStepDefinitions) =>
          defs.map((d) => [d.messageTypes, d.steps.map((s) => [s.name, s.method, s.url, Object.keys(s.headers)])]);
        // Step names are Alertflow's words too, so they come in the chosen language.
        const named = (defs: typeof definition.defaultStepDefinitions) =>
          defs.map((d) => ({ ...d, steps: d.steps.map((s) => ({ ...s, name: presetStepName(s.name, locale) })) }));
        expect(shape(customizations?.stepDefinitions ?? [])).toEqual(shape(named(definition.defaultStepDefinitions)));
      }
      expect(rendered(type, locale)).not.toEqual(rendered(type, "en"));
    },
  );

  it("says recovered and acknowledge in the chosen language", () => {
    expect(rendered("email", "fr")).toContain("Rétabli après");
    expect(rendered("email", "nl")).toContain("Hersteld na");
    expect(rendered("slack", "fr")).toContain("Accuser réception");
    expect(rendered("teams", "nl")).toContain("Eerste fout (UTC)");
    expect(rendered("sms", "fr")).toContain("RAPPEL");
    expect(rendered("inbox", "fr")).toContain("Toujours en erreur depuis");
    expect(rendered("inbox", "nl")).toContain("Bevestigen:");
    // A call is read by a voice of the chosen language (the TwiML goes form-encoded).
    const spoken = (locale: (typeof LOCALES)[number]) =>
      decodeURIComponent(rendered("phone", locale).replaceAll("+", " "));
    expect(spoken("fr")).toContain('<Say language="fr-FR">Appuyez sur 1 pour accuser réception.</Say>');
    expect(spoken("nl")).toContain('<Say language="nl-NL">Er werd geen toets ingedrukt.');
    expect(spoken("en")).toContain("<Say>Press 1 to acknowledge.</Say>");
  });

  it("words the incident tools' notes, links and labels in the chosen language", () => {
    expect(rendered("pagerduty", "fr")).toContain("Accuser réception dans Alertflow");
    expect(rendered("pagerduty", "nl")).toContain("Escalatieniveau");
    expect(rendered("opsgenie", "fr")).toContain("Rétabli après");
    expect(rendered("servicenow", "nl")).toContain("Alertflow-incident");
    expect(rendered("splunk-oncall", "nl")).toContain("Hersteld na");
    expect(rendered("statushub", "fr")).toContain("Rétabli après");
    // StatusHub reads its statuses as values: they stay English in every language.
    expect(rendered("statushub", "fr")).toContain("Operating normally");
  });

  it("names the steps in the chosen language, and leaves names that are an API's values", () => {
    const names = (type: string, locale: (typeof LOCALES)[number]) =>
      presetLanguageCustomizations(type, locale)?.stepDefinitions?.flatMap((d) => d.steps.map((s) => s.name));
    expect(names("slack", "fr")).toEqual(["Publier l'erreur", "Publier le rappel", "Publier l'Ok"]);
    expect(names("servicenow", "nl")).toEqual(["Incident aanmaken", "Incident zoeken", "Incident oplossen"]);
    expect(names("splunk-oncall", "fr")).toEqual(["CRITICAL", "INFO", "RECOVERY"]);
    expect(presetStepName("My own step", "fr")).toBe("My own step");
    expect(presetStepName("constructor", "nl")).toBe("constructor");
  });
});
