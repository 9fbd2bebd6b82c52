import { describe, expect, it } from "vitest";
import { listIntegrationTypes } from "~/core/integrations/integration-catalogue";
import { customizationsSchema } from "~/core/integrations/customizations-schema";
import { presetLanguageCustomizations } from "~/core/integrations/preset-language";
import type { PublicIntegration } from "../../_lib/catalogue";
import { editorFormSchema, formToDraft, integrationToForm } from "./form-model";

const stored = (over: Partial<PublicIntegration> & Pick<PublicIntegration, "type">): PublicIntegration => ({
  id: "11111111-1111-4111-8111-111111111111",
  typeLabel: over.type,
  name: "Test",
  enabled: true,
  variables: {},
  secretNames: [],
  secretsError: null,
  customizations: {},
  perLevelVariables: [],
  missing: [],
  usedBy: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...over,
});

describe("integration editor form model", () => {
  it.each(listIntegrationTypes())("$type: defaults survive the form and parse as customizations", (entry) => {
    const form = integrationToForm(stored({ type: entry.type }), entry, "en");
    expect(editorFormSchema.safeParse(form).success).toBe(true);
    // Customizing without edits sends exactly the type's defaults back.
    const draft = formToDraft({ ...form, customized: true, emailCustomized: true }, entry);
    const parsed = customizationsSchema.parse(draft.customizations);
    if (entry.transport === "http") expect(parsed.stepDefinitions).toEqual(entry.defaultStepDefinitions);
    // The inbox has no email to customize: nothing comes back for it.
    else expect(parsed.email ?? null).toEqual(entry.defaultEmail);
  });

  it("names the default steps in the page's language, and keeps stored names as stored", () => {
    const entry = listIntegrationTypes().find((e) => e.type === "servicenow");
    if (!entry) throw new Error("no servicenow");
    const names = (form: ReturnType<typeof integrationToForm>) =>
      form.stepDefinitions.flatMap((d) => d.steps.map((s) => s.name));
    expect(names(integrationToForm(stored({ type: "servicenow" }), entry, "fr"))).toEqual([
      "Créer l'incident",
      "Trouver l'incident",
      "Résoudre l'incident",
    ]);
    const custom = entry.defaultStepDefinitions.map((d) => ({ ...d, steps: d.steps.map((s) => ({ ...s })) }));
    const kept = integrationToForm(
      stored({ type: "servicenow", customizations: { stepDefinitions: custom } }),
      entry,
      "nl",
    );
    expect(names(kept)).toEqual(["Create incident", "Find incident", "Resolve incident"]);
  });

  it("an inbox created in French keeps its French words when saved", () => {
    const entry = listIntegrationTypes().find((e) => e.type === "inbox");
    if (!entry) throw new Error("no inbox");
    const french = presetLanguageCustomizations("inbox", "fr");
    const form = integrationToForm(stored({ type: "inbox", customizations: french ?? {} }), entry, "nl");
    expect(formToDraft(form, entry).customizations).toEqual(french);
    expect(formToDraft(integrationToForm(stored({ type: "inbox" }), entry, "fr"), entry).customizations).toEqual({});
  });

  it("sends secrets only when typed, removals as empty strings, and never blank variables", () => {
    const entry = listIntegrationTypes().find((e) => e.type === "servicenow");
    if (!entry) throw new Error("no servicenow");
    const form = integrationToForm(
      stored({
        type: "servicenow",
        variables: { InstanceUrl: "https://x.service-now.com", Extra: "1" },
        secretNames: ["Password", "Token"],
      }),
      entry,
      "en",
    );
    expect(form.customVariables).toEqual([
      { name: "Extra", value: "1", secret: false, stored: false },
      { name: "Token", value: "", secret: true, stored: true },
    ]);
    const draft = formToDraft(
      { ...form, variables: { ...form.variables, AssignmentGroup: "" }, removeSecrets: ["Token"] },
      entry,
    );
    expect(draft.secrets).toEqual({ Token: "" });
    expect(draft.variables).not.toHaveProperty("AssignmentGroup");
    expect(draft.variables).toMatchObject({ InstanceUrl: "https://x.service-now.com", Extra: "1", Urgency: "2" });
    expect(draft.customizations).toEqual({});

    const typed = formToDraft({ ...form, secrets: { Password: "new-pw" } }, entry);
    expect(typed.secrets).toEqual({ Password: "new-pw" });
  });

  it("keeps custom variables and secret removals named like Object.prototype's members", () => {
    const entry = listIntegrationTypes().find((e) => e.type === "webhook");
    if (!entry) throw new Error("no webhook");
    const form = integrationToForm(
      stored({
        type: "webhook",
        variables: JSON.parse('{"__proto__":"p","toString":"t"}') as Record<string, string>,
        secretNames: ["constructor"],
      }),
      entry,
      "en",
    );
    const draft = formToDraft({ ...form, removeSecrets: ["constructor"] }, entry);
    expect(Object.getPrototypeOf(draft.variables)).toBe(Object.prototype);
    expect(Object.entries(draft.variables)).toEqual(
      expect.arrayContaining([
        ["__proto__", "p"],
        ["toString", "t"],
      ]),
    );
    expect(Object.entries(draft.secrets)).toEqual([["constructor", ""]]);
  });

  it("refuses a message type sent by two definitions, and a definition set without Error", () => {
    const entry = listIntegrationTypes().find((e) => e.type === "pagerduty");
    if (!entry) throw new Error("no pagerduty");
    const form = integrationToForm(stored({ type: "pagerduty" }), entry, "en");
    const [first, second] = form.stepDefinitions;
    if (!first || !second) throw new Error("pagerduty has two definitions");
    const twice = editorFormSchema.safeParse({
      ...form,
      customized: true,
      stepDefinitions: [first, { ...second, messageTypes: ["ok", "error"] }],
    });
    expect(twice.error?.issues[0]?.message).toBe("typeAlreadySent:error:1");
    const noError = editorFormSchema.safeParse({ ...form, customized: true, stepDefinitions: [second] });
    expect(noError.error?.issues[0]?.message).toBe("errorRequired");
  });
});
