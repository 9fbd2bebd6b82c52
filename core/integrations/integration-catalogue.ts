import { integrationTypeSchema } from "./integration-types";
import type { IntegrationDefinition, PredefinedVariable } from "./integration-definition";
import { integrationDefinitions } from "./registry";
import { SYSTEM_VARIABLES } from "../message-template/system-variables";
import { TEMPLATE_FUNCTIONS } from "../message-template/template-functions";

function variableView(v: PredefinedVariable) {
  return {
    name: v.name,
    label: v.label,
    description: v.description ?? "",
    secret: v.secret ?? false,
    required: v.required,
    defaultValue: v.defaultValue ?? null,
    modes: [...v.modes],
  };
}
export type CatalogueVariable = ReturnType<typeof variableView>;

function typeView(definition: IntegrationDefinition) {
  return {
    type: definition.type,
    label: definition.label,
    description: definition.description,
    transport: definition.transport,
    variables: definition.variables.map(variableView),
    capabilities: { ...definition.capabilities, defaultMessageTypes: [...definition.capabilities.defaultMessageTypes] },
    rateLimit: definition.rateLimit,
    defaultStepDefinitions: definition.transport === "http" ? [...definition.defaultStepDefinitions] : [],
    defaultEmail: definition.transport === "smtp" ? definition.defaultEmail : null,
  };
}
export type CatalogueEntry = ReturnType<typeof typeView>;

/** The catalogue as the UI needs it: every type in the order people look for them. */
export function listIntegrationTypes(): CatalogueEntry[] {
  return integrationTypeSchema.options.map((type) => typeView(integrationDefinitions[type]));
}

/** What a template can use, for the editor's reference panel. Functions lose their code. */
export function templateReference() {
  return {
    systemVariables: SYSTEM_VARIABLES.map((v) => ({ name: v.name, description: v.description })),
    functions: TEMPLATE_FUNCTIONS.map((f) => ({ name: f.name, signature: f.signature, description: f.description })),
  };
}
