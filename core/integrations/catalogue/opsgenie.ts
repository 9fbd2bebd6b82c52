import type { StepDefinition } from "../customizations-schema";
import type { HttpIntegrationDefinition } from "../integration-definition";
import { enc } from "../json-template";
import { PRESET_WORDS, type PresetWords } from "../preset-words";
import { jsonStep, stepDefinition } from "../step-builders";

const AUTH = { Authorization: "GenieKey {{ApiKey}}" };

/** A repeat create with the same alias only bumps the open alert's count, so reminders are safe. */
const createBody = {
  message: enc("{{@Truncate(130, {{@monitor.name}}: {{@alert.summary}})}}"),
  alias: enc("{{@Truncate(512, {{@incident.key}})}}"),
  // Literal text inside enc() would be escaped twice, so the blank line sits outside it.
  description: `${enc("{{@Truncate(12000, {{@alert.description}})}}")}\n\n${enc("{{@Truncate(2900, {{@escalationLevel.message}})}}")}`,
  priority: enc("{{Priority}}"),
  source: "Alertflow",
  entity: enc("{{@Truncate(512, {{@monitor.name}})}}"),
  tags: ["alertflow", "level-{{@escalationLevel.id}}"],
  details: {
    alertType: "{{@alert.type}}",
    alertFlow: enc("{{@alertDefinition.name}}"),
    escalationLevel: "{{@escalationLevel.id}}",
    firstErrorUtc: "{{@alert.firstErrorUtc}}",
    monitorUrl: enc("{{@monitor.url}}"),
    acknowledgeUrl: enc("{{@alert.acknowledgeUrl}}"),
    resolveUrl: enc("{{@alert.resolveUrl}}"),
  },
};

const closeBody = (w: PresetWords) => ({
  source: "Alertflow",
  note: `${w.recoveredAfter} ${enc("{{@alert.downtimeDuration}}")}`,
});

/** The default create and close, the closing note worded in `w` (see preset-words.ts). */
export function opsgenieStepDefinitionsIn(w: PresetWords): StepDefinition[] {
  return [
    stepDefinition(
      ["error", "reminder"],
      jsonStep("POST", "{{ApiUrl}}", createBody, { name: "Create alert", headers: AUTH }),
    ),
    stepDefinition(
      ["ok"],
      jsonStep("POST", "{{ApiUrl}}/{{@UrlEncode({{@incident.key}})}}/close?identifierType=alias", closeBody(w), {
        name: "Close alert",
        headers: AUTH,
      }),
    ),
  ];
}

export const opsgenieIntegration: HttpIntegrationDefinition<"opsgenie"> = {
  type: "opsgenie",
  transport: "http",
  label: "Opsgenie",
  description: "Creates Opsgenie alerts with the incident key as alias and closes them on Ok.",
  variables: [
    { name: "ApiKey", label: "API key", secret: true, required: true, modes: ["integration"] },
    {
      name: "ApiUrl",
      label: "Alert API URL",
      description: "https://api.eu.opsgenie.com/v2/alerts for EU accounts",
      required: true,
      defaultValue: "https://api.opsgenie.com/v2/alerts",
      modes: ["integration"],
    },
    {
      name: "Priority",
      label: "Priority (P1-P5)",
      required: true,
      defaultValue: "P3",
      modes: ["integration", "perLevel"],
    },
  ],
  capabilities: {
    defaultMessageTypes: ["error", "reminder", "ok"],
    supportsOk: true,
    supportsReminders: true,
    remindersDiscouraged: true,
    dedupesRepeats: true,
    customizable: true,
  },
  rateLimit: { eventsPerMinute: 120, per: { kind: "variable", name: "ApiKey" } },
  defaultStepDefinitions: opsgenieStepDefinitionsIn(PRESET_WORDS.en),
};
