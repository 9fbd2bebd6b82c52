import type { MessageType } from "../../message-template/message-type";
import type { StepDefinition } from "../customizations-schema";
import type { HttpIntegrationDefinition } from "../integration-definition";
import { enc } from "../json-template";
import { PRESET_WORDS, type PresetWords } from "../preset-words";
import { jsonStep, stepDefinition } from "../step-builders";

/**
 * StatusHub's Uptrends hook payload is undocumented; this is the documented behaviour as
 * fields: on Error the service shows a disruption and a new incident is "Investigating"; on Ok
 * the service is back to normal and the incident "Monitoring" (people resolve it by hand).
 */
function body(type: Exclude<MessageType, "reminder">, w: PresetWords) {
  return {
    alert_type: "{{@alert.type}}",
    service_status: type === "error" ? "Service disruption" : "Operating normally",
    incident_status: type === "error" ? "Investigating" : "Monitoring",
    incident_key: enc("{{@incident.key}}"),
    title: enc("{{@Truncate(200, {{@monitor.name}}: {{@alert.summary}})}}"),
    description:
      type === "error" ? enc("{{@alert.description}}") : `${w.recoveredAfter} ${enc("{{@alert.downtimeDuration}}")}`,
    monitor_name: enc("{{@monitor.name}}"),
    monitor_guid: enc("{{@monitor.monitorGuid}}"),
    timestamp_utc: "{{@alert.timestampUtc}}",
  };
}

/**
 * The default hooks, the recovery worded in `w` (see preset-words.ts). The statuses stay in
 * English: StatusHub reads them as values.
 */
export function statushubStepDefinitionsIn(w: PresetWords): StepDefinition[] {
  return [
    stepDefinition(["error"], jsonStep("POST", "{{HookUrl}}", body("error", w), { name: "Service disruption" })),
    stepDefinition(["ok"], jsonStep("POST", "{{HookUrl}}", body("ok", w), { name: "Operating normally" })),
  ];
}

export const statushubIntegration: HttpIntegrationDefinition<"statushub"> = {
  type: "statushub",
  transport: "http",
  label: "StatusHub",
  description: "Marks a StatusHub service disrupted on Error and operating on Ok.",
  variables: [
    {
      name: "HookUrl",
      label: "Service hook URL",
      description: "https://hooks.statushub.io/hooks/uptrends?token=…; per level to map levels to services",
      secret: true,
      required: true,
      modes: ["integration", "perLevel"],
    },
  ],
  capabilities: {
    defaultMessageTypes: ["error", "ok"],
    supportsOk: true,
    supportsReminders: false,
    remindersDiscouraged: true,
    dedupesRepeats: true,
    customizable: true,
  },
  rateLimit: { eventsPerMinute: 60, per: { kind: "integration" } },
  defaultStepDefinitions: statushubStepDefinitionsIn(PRESET_WORDS.en),
};
