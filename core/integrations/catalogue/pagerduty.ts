import type { StepDefinition } from "../customizations-schema";
import type { HttpIntegrationDefinition } from "../integration-definition";
import { enc, raw } from "../json-template";
import { PRESET_WORDS, type PresetWords } from "../preset-words";
import { jsonStep, stepDefinition } from "../step-builders";

const DEDUP_KEY = enc("{{@Truncate(255, {{@incident.key}})}}");

/** Events API v2: Error (and a reminder, which only joins the open alert) triggers; Ok resolves. */
const triggerBody = (w: PresetWords) => ({
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
    // The labels PagerDuty shows beside each value.
    custom_details: {
      [w.message]: enc("{{@escalationLevel.message}}"),
      [w.description]: enc("{{@alert.description}}"),
      [w.alertType]: "{{@alert.type}}",
      [w.escalationLevel]: raw("{{@escalationLevel.id}}"),
      [w.firstErrorUtc]: "{{@alert.firstErrorUtc}}",
      [w.monitorUrl]: enc("{{@monitor.url}}"),
    },
  },
  links: [
    { href: enc("{{@alert.acknowledgeUrl}}"), text: w.acknowledgeInAlertflow },
    { href: enc("{{@alert.resolveUrl}}"), text: w.resolveInAlertflow },
  ],
});

const resolveBody = { routing_key: enc("{{RoutingKey}}"), event_action: "resolve", dedup_key: DEDUP_KEY };

/** The default events, their labels and link texts worded in `w` (see preset-words.ts). */
export function pagerdutyStepDefinitionsIn(w: PresetWords): StepDefinition[] {
  return [
    stepDefinition(["error", "reminder"], jsonStep("POST", "{{ApiUrl}}", triggerBody(w), { name: "Trigger" })),
    stepDefinition(["ok"], jsonStep("POST", "{{ApiUrl}}", resolveBody, { name: "Resolve" })),
  ];
}

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
  defaultStepDefinitions: pagerdutyStepDefinitionsIn(PRESET_WORDS.en),
};
