import { MESSAGE_TYPES, type MessageType } from "../../message-template/message-type";
import type { StepDefinition } from "../customizations-schema";
import type { HttpIntegrationDefinition } from "../integration-definition";
import { enc, raw } from "../json-template";
import { PRESET_WORDS, type PresetWords } from "../preset-words";
import { jsonStep, stepDefinition } from "../step-builders";

/**
 * REST endpoint: only `message_type` is required; `entity_id` must stay the same for the
 * incident's whole life, so it is the incident key. A reminder is INFO: a timeline entry
 * that does not page again.
 */
const MESSAGE_TYPE: Record<MessageType, string> = { error: "CRITICAL", reminder: "INFO", ok: "RECOVERY" };

function body(type: MessageType, w: PresetWords) {
  return {
    message_type: MESSAGE_TYPE[type],
    entity_id: enc("{{@incident.key}}"),
    entity_display_name: enc("{{@Truncate(500, {{@monitor.name}}: {{@alert.summary}})}}"),
    state_message:
      type === "ok"
        ? `${w.recoveredAfter} ${enc("{{@alert.downtimeDuration}}")}`
        : `${enc("{{@alert.description}}")}\n${enc("{{@escalationLevel.message}}")}`,
    state_start_time: raw("{{@alert.firstErrorUnix}}"),
    timestamp: raw("{{@alert.timestampUnix}}"),
    monitoring_tool: "Alertflow",
    alert_url: enc("{{@monitor.dashboardUrl}}"),
    escalation_level: "{{@escalationLevel.id}}",
    ...(type === "ok"
      ? {}
      : { acknowledge_url: enc("{{@alert.acknowledgeUrl}}"), resolve_url: enc("{{@alert.resolveUrl}}") }),
  };
}

/** The default messages, the recovery worded in `w` (see preset-words.ts). */
export function splunkOnCallStepDefinitionsIn(w: PresetWords): StepDefinition[] {
  return MESSAGE_TYPES.map((type) =>
    stepDefinition(
      [type],
      jsonStep("POST", "{{SplunkOnCallUrl}}/{{@UrlEncode({{RoutingKey}})}}", body(type, w), {
        name: MESSAGE_TYPE[type],
      }),
    ),
  );
}

export const splunkOnCallIntegration: HttpIntegrationDefinition<"splunk-oncall"> = {
  type: "splunk-oncall",
  transport: "http",
  label: "Splunk On-Call (VictorOps)",
  description: "Opens and recovers Splunk On-Call incidents through the REST endpoint.",
  variables: [
    {
      name: "SplunkOnCallUrl",
      label: "REST endpoint URL",
      description: 'The "URL to notify" without the trailing /$routing_key; it contains your API key',
      secret: true,
      required: true,
      modes: ["integration"],
    },
    { name: "RoutingKey", label: "Routing key", required: true, modes: ["integration", "perLevel"] },
  ],
  capabilities: {
    defaultMessageTypes: ["error", "reminder", "ok"],
    supportsOk: true,
    supportsReminders: true,
    remindersDiscouraged: true,
    dedupesRepeats: true,
    customizable: true,
  },
  rateLimit: { eventsPerMinute: 120, per: { kind: "integration" } },
  defaultStepDefinitions: splunkOnCallStepDefinitionsIn(PRESET_WORDS.en),
};
