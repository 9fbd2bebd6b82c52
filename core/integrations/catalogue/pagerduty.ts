import type { HttpIntegrationDefinition } from "../integration-definition";
import { enc, raw } from "../json-template";
import { jsonStep, stepDefinition } from "../step-builders";

const DEDUP_KEY = enc("{{@Truncate(255, {{@incident.key}})}}");

/** Events API v2: Error (and a reminder, which only joins the open alert) triggers; Ok resolves. */
const triggerBody = {
  routing_key: enc("{{RoutingKey}}"),
  event_action: "trigger",
  dedup_key: DEDUP_KEY,
  client: "Alertflow",
  payload: {
    summary: enc("{{@Truncate(1024, {{@alert.summary}})}}"),
    source: enc("{{@Truncate(255, {{@alert.source}})}}"),
    severity: "{{@alert.severity}}",
    timestamp: "{{@alert.timestampUtc}}Z",
    component: enc("{{@monitor.name}}"),
    group: enc("{{@alertDefinition.name}}"),
    class: enc("{{@monitor.type}}"),
    custom_details: {
      Message: enc("{{@escalationLevel.message}}"),
      Description: enc("{{@alert.description}}"),
      "Alert type": "{{@alert.type}}",
      "Escalation level": raw("{{@escalationLevel.id}}"),
      "First error (UTC)": "{{@alert.firstErrorUtc}}",
      "Monitor URL": enc("{{@monitor.url}}"),
    },
  },
  links: [
    { href: enc("{{@alert.acknowledgeUrl}}"), text: "Acknowledge in Alertflow" },
    { href: enc("{{@alert.resolveUrl}}"), text: "Resolve in Alertflow" },
  ],
};

const resolveBody = { routing_key: enc("{{RoutingKey}}"), event_action: "resolve", dedup_key: DEDUP_KEY };

export const pagerdutyIntegration: HttpIntegrationDefinition<"pagerduty"> = {
  type: "pagerduty",
  transport: "http",
  label: "PagerDuty",
  description: "Triggers and resolves PagerDuty alerts (Events API v2), deduplicated by incident key.",
  variables: [
    { name: "RoutingKey", label: "Integration key", secret: true, required: true, modes: ["integration"] },
    {
      name: "ApiUrl",
      label: "Events API URL",
      description: "https://events.eu.pagerduty.com/v2/enqueue for EU service regions",
      required: true,
      defaultValue: "https://events.pagerduty.com/v2/enqueue",
      modes: ["integration"],
    },
    {
      name: "WebhookSecret",
      label: "Webhook signing secret (two-way)",
      description:
        "From a PagerDuty v3 webhook subscription to <PUBLIC_URL>/api/pagerduty/<this integration's id>/webhooks: acknowledging or resolving in PagerDuty then stops Alertflow's escalation",
      secret: true,
      required: false,
      defaultValue: "",
      modes: ["integration"],
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
  rateLimit: { eventsPerMinute: 120, per: { kind: "variable", name: "RoutingKey" } },
  defaultStepDefinitions: [
    stepDefinition(["error", "reminder"], jsonStep("POST", "{{ApiUrl}}", triggerBody, { name: "Trigger" })),
    stepDefinition(["ok"], jsonStep("POST", "{{ApiUrl}}", resolveBody, { name: "Resolve" })),
  ],
};
