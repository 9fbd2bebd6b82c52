import { z } from "zod";
import {
  httpMethodSchema,
  type EmailTemplate,
  type HttpStep,
  type StepDefinition,
} from "~/core/integrations/customizations-schema";
import { MESSAGE_TYPES, messageTypeSchema, type MessageType } from "~/core/message-template/message-type";
import type { Locale } from "~/core/i18n/locales";
import { presetStepName } from "~/core/integrations/preset-step-names";
import type { CatalogueEntry, PublicIntegration } from "../../_lib/catalogue";
import { putOwn } from "~/core/own-entry";

/**
 * Messages are codes (see form-error-text.ts), turned into the page's language where they show;
 * `code:arg:arg` carries the values a message needs.
 */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const headerRow = z.object({ name: z.string().regex(HEADER_NAME, "invalidHeaderName"), value: z.string() });
const fieldRow = z.object({ name: z.string().min(1, "fieldNameRequired"), value: z.string() });

export const authTypes = ["none", "basic", "bearer", "digest"] as const;
export const bodyTypes = ["none", "raw", "form"] as const;

const stepSchema = z.object({
  name: z.string().max(200),
  method: httpMethodSchema,
  url: z.string().trim().min(1, "urlRequired"),
  headers: z.array(headerRow),
  bodyType: z.enum(bodyTypes),
  bodyContent: z.string(),
  formFields: z.array(fieldRow),
  /** Flat rather than a union so switching the type keeps what was typed. */
  auth: z.object({ type: z.enum(authTypes), username: z.string(), password: z.string(), token: z.string() }),
  captures: z.array(
    z.object({
      name: z.string().regex(VARIABLE_NAME, "variableNameFormat"),
      from: z.enum(["jsonPath", "header"]),
      path: z.string().trim().min(1, "capturePathRequired"),
    }),
  ),
});
export type StepForm = z.infer<typeof stepSchema>;

const definitionSchema = z.object({
  messageTypes: z.array(messageTypeSchema).min(1, "tickMessageType"),
  steps: z.array(stepSchema).min(1, "addStep"),
});

/** A subject is required only when customized; the check is in the form's refinement. */
const emailSchema = z.object({ subject: z.string(), html: z.string(), text: z.string() });

export const editorFormSchema = z
  .object({
    name: z.string().trim().min(1, "nameRequired").max(200, "nameTooLong"),
    enabled: z.boolean(),
    /** Values of the type's non-secret variables. */
    variables: z.record(z.string(), z.string()),
    /** New values for secret variables; "" keeps what is stored. */
    secrets: z.record(z.string(), z.string()),
    /** Stored secrets to remove on save. */
    removeSecrets: z.array(z.string()),
    /** The person's own variables (customizable types), e.g. a token a custom step sends. */
    customVariables: z.array(
      z.object({
        name: z.string().regex(VARIABLE_NAME, "variableNameFormat"),
        value: z.string(),
        secret: z.boolean(),
        /** A stored secret: its value is never sent to the browser. */
        stored: z.boolean(),
      }),
    ),
    customized: z.boolean(),
    stepDefinitions: z.array(definitionSchema),
    emailCustomized: z.boolean(),
    email: z.object({ error: emailSchema, reminder: emailSchema, ok: emailSchema }),
  })
  .superRefine((form, ctx) => {
    if (form.emailCustomized) {
      for (const type of MESSAGE_TYPES) {
        if (form.email[type].subject.trim() === "")
          ctx.addIssue({ code: "custom", path: ["email", type, "subject"], message: "subjectRequired" });
      }
    }
    if (!form.customized) return;
    // Uptrends' rule: each message type in at most one definition, and Error always sent.
    for (const type of MESSAGE_TYPES) {
      const users = form.stepDefinitions.flatMap((d, i) => (d.messageTypes.includes(type) ? [i] : []));
      if (users.length > 1) {
        ctx.addIssue({
          code: "custom",
          path: ["stepDefinitions", users[1] ?? 0, "messageTypes"],
          message: `typeAlreadySent:${type}:${(users[0] ?? 0) + 1}`,
        });
      }
    }
    if (!form.stepDefinitions.some((d) => d.messageTypes.includes("error"))) {
      ctx.addIssue({
        code: "custom",
        path: ["stepDefinitions", 0, "messageTypes"],
        message: "errorRequired",
      });
    }
  });
export type EditorForm = z.infer<typeof editorFormSchema>;

export function stepToForm(step: HttpStep): StepForm {
  const auth = step.auth;
  return {
    name: step.name,
    method: step.method,
    url: step.url,
    headers: Object.entries(step.headers).map(([name, value]) => ({ name, value })),
    bodyType: step.body.type,
    bodyContent: step.body.type === "raw" ? step.body.content : "",
    formFields:
      step.body.type === "form" ? Object.entries(step.body.fields).map(([name, value]) => ({ name, value })) : [],
    auth: {
      type: auth.type,
      username: auth.type === "basic" || auth.type === "digest" ? auth.username : "",
      password: auth.type === "basic" || auth.type === "digest" ? auth.password : "",
      token: auth.type === "bearer" ? auth.token : "",
    },
    captures: step.captures.map((c) => ({ ...c })),
  };
}

export function stepFromForm(step: StepForm): HttpStep {
  const { auth } = step;
  return {
    name: step.name,
    method: step.method,
    url: step.url,
    headers: Object.fromEntries(step.headers.filter((h) => h.name !== "").map((h) => [h.name, h.value])),
    body:
      step.bodyType === "raw"
        ? { type: "raw", content: step.bodyContent }
        : step.bodyType === "form"
          ? { type: "form", fields: Object.fromEntries(step.formFields.map((f) => [f.name, f.value])) }
          : { type: "none" },
    auth:
      auth.type === "basic" || auth.type === "digest"
        ? { type: auth.type, username: auth.username, password: auth.password }
        : auth.type === "bearer"
          ? { type: "bearer", token: auth.token }
          : { type: "none" },
    captures: step.captures.map((c) => ({ ...c })),
  };
}

export const emptyStep = (): StepForm =>
  stepToForm({
    name: "",
    method: "POST",
    url: "{{ApiUrl}}",
    headers: {},
    body: { type: "none" },
    auth: { type: "none" },
    captures: [],
  });

export function definitionsToForm(definitions: readonly StepDefinition[]): EditorForm["stepDefinitions"] {
  return definitions.map((d) => ({ messageTypes: [...d.messageTypes], steps: d.steps.map(stepToForm) }));
}

/**
 * The type's default steps, named in the page's language: they are Alertflow's words until the
 * person customizes, and then the names they keep (or type) are stored as they read them.
 */
export function defaultDefinitionsToForm(entry: CatalogueEntry, locale: Locale): EditorForm["stepDefinitions"] {
  return definitionsToForm(
    entry.defaultStepDefinitions.map((d) => ({
      ...d,
      steps: d.steps.map((s) => ({ ...s, name: presetStepName(s.name, locale) })),
    })),
  );
}

const EMPTY_EMAIL: EmailTemplate = { subject: "", html: "", text: "" };

function emailFor(entry: CatalogueEntry, integration: PublicIntegration, type: MessageType): EmailTemplate {
  return integration.customizations.email?.[type] ?? entry.defaultEmail?.[type] ?? EMPTY_EMAIL;
}

/** The editor's starting state: stored values, the type's defaults where nothing is customized. */
export function integrationToForm(integration: PublicIntegration, entry: CatalogueEntry, locale: Locale): EditorForm {
  const predefined = new Set(entry.variables.map((v) => v.name));
  const variables: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const v of entry.variables) {
    if (v.secret) secrets[v.name] = "";
    else variables[v.name] = integration.variables[v.name] ?? v.defaultValue ?? "";
  }
  const custom = Object.entries(integration.variables)
    .filter(([name]) => !predefined.has(name))
    .map(([name, value]) => ({ name, value, secret: false, stored: false }));
  const customSecrets = integration.secretNames
    .filter((name) => !predefined.has(name))
    .map((name) => ({ name, value: "", secret: true, stored: true }));
  const stored = integration.customizations.stepDefinitions ?? [];
  return {
    name: integration.name,
    enabled: integration.enabled,
    variables,
    secrets,
    removeSecrets: [],
    customVariables: [...custom, ...customSecrets],
    customized: stored.length > 0,
    stepDefinitions: stored.length > 0 ? definitionsToForm(stored) : defaultDefinitionsToForm(entry, locale),
    emailCustomized: integration.customizations.email !== undefined,
    email: {
      error: emailFor(entry, integration, "error"),
      reminder: emailFor(entry, integration, "reminder"),
      ok: emailFor(entry, integration, "ok"),
    },
  };
}

export interface IntegrationDraft {
  type: CatalogueEntry["type"];
  variables: Record<string, string>;
  secrets: Record<string, string>;
  customizations: { stepDefinitions?: StepDefinition[]; email?: Partial<Record<MessageType, EmailTemplate>> };
}

/**
 * What the server gets: blanks are left out so the type's defaults apply, secrets are sent only
 * when typed (or as "" to remove one), and customizations only when the person customized.
 */
export function formToDraft(form: EditorForm, entry: CatalogueEntry): IntegrationDraft {
  const variables: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const v of entry.variables) {
    if (v.secret) {
      const typed = form.secrets[v.name] ?? "";
      if (typed !== "") secrets[v.name] = typed;
    } else {
      const value = form.variables[v.name] ?? "";
      if (value !== "") variables[v.name] = value;
    }
  }
  for (const c of form.customVariables) {
    if (c.name === "") continue;
    // Names are the person's (`constructor`, `__proto__` included): own entries, never prototype members.
    if (!c.secret) putOwn(variables, c.name, c.value);
    else if (c.value !== "") putOwn(secrets, c.name, c.value);
  }
  for (const name of form.removeSecrets) if (!Object.hasOwn(secrets, name)) putOwn(secrets, name, "");
  const customizations: IntegrationDraft["customizations"] = {};
  if (entry.transport === "http" && form.customized) {
    customizations.stepDefinitions = form.stepDefinitions.map((d) => ({
      messageTypes: d.messageTypes,
      steps: d.steps.map(stepFromForm),
    }));
  }
  if (entry.transport === "smtp" && form.emailCustomized) customizations.email = form.email;
  // An inbox has nothing to customize, but keeps the words it was created in (preset-language.ts):
  // they go back as stored, or a save would turn them back to English.
  if (entry.transport === "inbox" && form.emailCustomized && form.email.error.subject !== "") {
    customizations.email = form.email;
  }
  return { type: entry.type, variables, secrets, customizations };
}
