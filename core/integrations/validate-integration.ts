import type { MessageType } from "../message-template/message-type";
import type { TemplateErrorParams } from "../message-template/template-error";
import { validateTemplate } from "../message-template/validate-template";
import type { HttpStep, IntegrationCustomizations } from "./customizations-schema";
import type { IntegrationType } from "./integration-types";
import { knownVariableNames } from "./message-plan";
import { getIntegrationDefinition } from "./registry";

export interface IntegrationTemplateIssue {
  /** Dotted path into the customizations, e.g. `stepDefinitions.0.steps.1.body.content`. */
  path: string;
  messageTypes: MessageType[];
  code: string;
  /** What the problem names (a variable, a function), so an interface can word it in its language. */
  params: TemplateErrorParams;
  /** Prefixed with the path, for lists of problems. */
  message: string;
  /** The bare problem, for showing next to the field itself. */
  detail: string;
  position: number;
  line: number;
  column: number;
}

export interface IntegrationTemplatesInput {
  type: IntegrationType;
  variables: Record<string, string>;
  /** Names only: validation never needs a secret's value. */
  secretNames?: readonly string[];
  customizations: IntegrationCustomizations | null;
}

const EMAIL_FIELDS: readonly ("subject" | "html" | "text")[] = ["subject", "html", "text"];

/** Every template field of a step, by its path below the step. */
export function stepFields(step: HttpStep): [string, string][] {
  const fields: [string, string][] = [["url", step.url]];
  for (const [name, value] of Object.entries(step.headers)) fields.push([`headers.${name}`, value]);
  if (step.body.type === "raw") fields.push(["body.content", step.body.content]);
  if (step.body.type === "form")
    for (const [name, value] of Object.entries(step.body.fields)) fields.push([`body.fields.${name}`, value]);
  if (step.auth.type === "basic" || step.auth.type === "digest") {
    fields.push(["auth.username", step.auth.username], ["auth.password", step.auth.password]);
  }
  if (step.auth.type === "bearer") fields.push(["auth.token", step.auth.token]);
  return fields;
}

/**
 * Every template problem in an integration's customizations, with its field and position.
 * Unknown variables are errors here, at save time, rather than blanks in production. A step
 * may use what earlier steps of its definition capture.
 */
export function validateIntegrationTemplates(input: IntegrationTemplatesInput): IntegrationTemplateIssue[] {
  const issues: IntegrationTemplateIssue[] = [];
  const base = knownVariableNames(input.type, [...Object.keys(input.variables), ...(input.secretNames ?? [])]);
  const check = (path: string, messageTypes: MessageType[], src: string, known: Set<string>) => {
    for (const e of validateTemplate(src, { knownVariables: known })) {
      issues.push({
        path,
        messageTypes,
        code: e.code,
        params: e.params,
        message: `${path}: ${e.message}`,
        detail: e.message,
        position: e.position,
        line: e.line,
        column: e.column,
      });
    }
  };

  for (const [d, definition] of (input.customizations?.stepDefinitions ?? []).entries()) {
    const known = new Set(base);
    for (const [s, step] of definition.steps.entries()) {
      for (const [field, src] of stepFields(step))
        check(`stepDefinitions.${d}.steps.${s}.${field}`, definition.messageTypes, src, known);
      for (const c of step.captures) known.add(c.name);
    }
  }
  const email = input.customizations?.email;
  if (email && getIntegrationDefinition(input.type).transport !== "http") {
    for (const [type, template] of Object.entries(email)) {
      if (type !== "error" && type !== "reminder" && type !== "ok") continue;
      for (const field of EMAIL_FIELDS) check(`email.${type}.${field}`, [type], template[field], base);
    }
  }
  return issues;
}
