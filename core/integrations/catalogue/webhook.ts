import { SYSTEM_VARIABLES } from "../../message-template/system-variables";
import type { HttpIntegrationDefinition } from "../integration-definition";
import { enc, type JsonTemplateValue } from "../json-template";
import { jsonStep, stepDefinition } from "../step-builders";

/**
 * The preset body of the generic "Alertflow integration": every system variable, grouped the
 * way Uptrends' own default body is (alert{…}, monitor{…}, …), each value JSON-encoded.
 */
function everyVariableBody(): JsonTemplateValue {
  const groups: Record<string, Record<string, JsonTemplateValue>> = {};
  for (const { name } of SYSTEM_VARIABLES) {
    const [group = "", field = ""] = name.split(".");
    groups[group] = { ...groups[group], [field]: enc(`{{@${name}}}`) };
  }
  return groups;
}

export const webhookIntegration: HttpIntegrationDefinition<"webhook"> = {
  type: "webhook",
  transport: "http",
  label: "Alertflow integration (webhook)",
  description: "POSTs a JSON document with every alert variable to your URL; customize steps freely.",
  variables: [{ name: "ApiUrl", label: "URL", required: true, modes: ["integration", "perLevel"] }],
  capabilities: {
    defaultMessageTypes: ["error", "reminder", "ok"],
    supportsOk: true,
    supportsReminders: true,
    remindersDiscouraged: false,
    dedupesRepeats: false,
    customizable: true,
  },
  // Your own receiver: limited only to protect it from a runaway storm (1,000 messages a second).
  rateLimit: { eventsPerMinute: 60_000, per: { kind: "integration" } },
  defaultStepDefinitions: [
    stepDefinition(
      ["error", "reminder", "ok"],
      jsonStep("POST", "{{ApiUrl}}", everyVariableBody(), { name: "Send alert" }),
    ),
  ],
};
