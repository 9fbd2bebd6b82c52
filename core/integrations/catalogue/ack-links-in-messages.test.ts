import { expect, it } from "vitest";
import type { MessageType } from "../../message-template/message-type";
import { integrationTypeSchema, type IntegrationType } from "../integration-types";
import { integrationDefinitions } from "../registry";

/**
 * Public status pages show their text to anyone: a link there would let any visitor acknowledge
 * the incident, so they carry none.
 */
const PUBLIC: ReadonlySet<IntegrationType> = new Set(["statushub", "statuspage"]);

function templatesFor(type: IntegrationType, messageType: MessageType): string {
  const definition = integrationDefinitions[type];
  if (definition.transport === "smtp") return JSON.stringify(definition.defaultEmail[messageType]);
  if (definition.transport === "inbox") return JSON.stringify(definition.defaultMessage[messageType]);
  return JSON.stringify(definition.defaultStepDefinitions.filter((d) => d.messageTypes.includes(messageType)));
}

it.each(integrationTypeSchema.options.filter((t) => !PUBLIC.has(t)))(
  "%s: Error and Reminder messages carry the acknowledge link",
  (type) => {
    for (const messageType of ["error", "reminder"] as const) {
      const definition = integrationDefinitions[type];
      if (!definition.capabilities.defaultMessageTypes.includes(messageType)) continue;
      expect(templatesFor(type, messageType)).toContain("{{@alert.acknowledgeUrl}}");
    }
  },
);

it.each([...PUBLIC])("%s: a public status page carries no link", (type) => {
  for (const messageType of ["error", "reminder", "ok"] as const) {
    expect(templatesFor(type, messageType)).not.toContain("acknowledgeUrl");
  }
});
