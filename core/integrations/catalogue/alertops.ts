import type { HttpIntegrationDefinition } from "../integration-definition";
import { enc } from "../json-template";
import { jsonStep, stepDefinition } from "../step-builders";

/**
 * AlertOps matches alerts on source + source name + source id and decides what to do by
 * comparing `source_status` with the Open/Close/Update values configured on its inbound
 * integration: set those to Alert, Ok and Reminder (what `@alert.type` renders).
 */
const body = {
  source: "Alertflow",
  source_name: enc("{{@alertDefinition.name}}"),
  source_id: enc("{{@incident.key}}"),
  source_status: "{{@alert.type}}",
  source_url: enc("{{@monitor.dashboardUrl}}"),
  subject: enc("{{@monitor.name}}: {{@alert.summary}}"),
  long_text: enc("{{@alert.description}}"),
  message: enc("{{@escalationLevel.message}}"),
  severity: "{{@alert.severity}}",
  escalation_level: "{{@escalationLevel.id}}",
  first_error_utc: "{{@alert.firstErrorUtc}}",
  timestamp_utc: "{{@alert.timestampUtc}}",
  downtime_duration: "{{@alert.downtimeDuration}}",
  monitor_name: enc("{{@monitor.name}}"),
  monitor_url: enc("{{@monitor.url}}"),
  // Empty on Ok.
  acknowledge_url: enc("{{@alert.acknowledgeUrl}}"),
  resolve_url: enc("{{@alert.resolveUrl}}"),
};

export const alertopsIntegration: HttpIntegrationDefinition<"alertops"> = {
  type: "alertops",
  transport: "http",
  label: "AlertOps",
  description: "Sends alerts to an AlertOps API inbound integration.",
  variables: [
    {
      name: "ApiUrl",
      label: "AlertOps API URL",
      description: "From Inbound → API; it contains your API key",
      secret: true,
      required: true,
      modes: ["integration"],
    },
  ],
  capabilities: {
    defaultMessageTypes: ["error", "reminder", "ok"],
    supportsOk: true,
    supportsReminders: true,
    remindersDiscouraged: false,
    dedupesRepeats: true,
    customizable: true,
  },
  rateLimit: { eventsPerMinute: 120, per: { kind: "integration" } },
  defaultStepDefinitions: [
    stepDefinition(["error", "reminder", "ok"], jsonStep("POST", "{{ApiUrl}}", body, { name: "Send alert" })),
  ],
};
