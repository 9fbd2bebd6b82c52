import type { MessageType } from "../message-template/message-type";
import type { EmailTemplate, StepDefinition } from "./customizations-schema";
import type { IntegrationRecord } from "./integration-record";
import { getIntegrationDefinition } from "./registry";

export type MessagePlan =
  | { kind: "http"; definition: StepDefinition; customized: boolean }
  | { kind: "email"; template: EmailTemplate; customized: boolean }
  | { kind: "inbox"; template: EmailTemplate }
  | { kind: "skip"; reason: string };

/** The step definitions in force: the user's when they customized, else the type's defaults. */
export function activeStepDefinitions(integration: Pick<IntegrationRecord, "type" | "customizations">): {
  definitions: readonly StepDefinition[];
  customized: boolean;
} {
  const definition = getIntegrationDefinition(integration.type);
  const custom = integration.customizations?.stepDefinitions ?? [];
  if (custom.length > 0) return { definitions: custom, customized: true };
  return { definitions: definition.transport === "http" ? definition.defaultStepDefinitions : [], customized: false };
}

/** How one message type is sent by this integration, or why it is not. */
export function resolveMessagePlan(
  integration: Pick<IntegrationRecord, "type" | "customizations">,
  messageType: MessageType,
): MessagePlan {
  const definition = getIntegrationDefinition(integration.type);
  // An inbox created in another language keeps its words as customizations (see preset-language.ts).
  if (definition.transport === "inbox")
    return {
      kind: "inbox",
      template: integration.customizations?.email?.[messageType] ?? definition.defaultMessage[messageType],
    };
  if (definition.transport === "smtp") {
    const custom = integration.customizations?.email?.[messageType];
    return {
      kind: "email",
      template: custom ?? definition.defaultEmail[messageType],
      customized: custom !== undefined,
    };
  }
  const { definitions, customized } = activeStepDefinitions(integration);
  const found = definitions.find((d) => d.messageTypes.includes(messageType));
  if (found) return { kind: "http", definition: found, customized };
  return {
    kind: "skip",
    reason: `${definition.label} sends no ${messageType} message${customized ? " in its customized steps" : ""}`,
  };
}

/**
 * Values for `{{Name}}`: the type's defaults, the integration's values, the level's values for
 * per-level variables, then secrets (a level can never override a credential).
 */
export function integrationVariables(
  integration: IntegrationRecord,
  levelVariables: Record<string, string>,
): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const v of getIntegrationDefinition(integration.type).variables) {
    if (v.defaultValue !== undefined) defaults[v.name] = v.defaultValue;
  }
  const fromLevel = Object.fromEntries(Object.entries(levelVariables).filter(([, value]) => value !== ""));
  return { ...defaults, ...integration.variables, ...fromLevel, ...integration.secrets };
}

/** Names a template may use for this integration (captures come on top, per step). */
export function knownVariableNames(type: IntegrationRecord["type"], extra: Iterable<string>): Set<string> {
  const names = new Set(getIntegrationDefinition(type).variables.map((v) => v.name));
  for (const name of extra) names.add(name);
  return names;
}
