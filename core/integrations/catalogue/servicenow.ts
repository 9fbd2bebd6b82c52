import type { HttpAuth, StepDefinition } from "../customizations-schema";
import type { HttpIntegrationDefinition } from "../integration-definition";
import { enc } from "../json-template";
import { PRESET_WORDS, type PresetWords } from "../preset-words";
import { httpStep, jsonStep, stepDefinition } from "../step-builders";

const AUTH: HttpAuth = { type: "basic", username: "{{Username}}", password: "{{Password}}" };
const ACCEPT = { Accept: "application/json" };

/** correlation_id holds the incident key so the Ok can find the record again (max 100 chars). */
const createBody = (w: PresetWords) => ({
  short_description: enc("{{@Truncate(160, {{@monitor.name}}: {{@alert.summary}})}}"),
  description: `${enc("{{@alert.description}}")}\n\n${enc("{{@escalationLevel.message}}")}\n\n${w.acknowledge}: ${enc("{{@alert.acknowledgeUrl}}")}\n${w.resolve}: ${enc("{{@alert.resolveUrl}}")}`,
  correlation_id: enc("{{@Truncate(100, {{@incident.key}})}}"),
  correlation_display: "Alertflow",
  urgency: enc("{{Urgency}}"),
  impact: enc("{{Impact}}"),
  assignment_group: enc("{{AssignmentGroup}}"),
});

/** The Ok must look the record up first: resolving needs its sys_id, which Alertflow never stored. */
const findIncident = httpStep({
  name: "Find incident",
  method: "GET",
  url:
    "{{InstanceUrl}}/api/now/table/incident?sysparm_query={{@UrlEncode(correlation_id={{@Truncate(100, {{@incident.key}})}}^ORDERBYDESCsys_created_on)}}" +
    "&sysparm_fields=sys_id,number,state&sysparm_limit=1",
  headers: ACCEPT,
  auth: AUTH,
  captures: [{ name: "IncidentSysId", from: "jsonPath", path: "$.result[0].sys_id" }],
});

const resolveIncident = (w: PresetWords) =>
  jsonStep(
    "PATCH",
    "{{InstanceUrl}}/api/now/table/incident/{{@UrlEncode({{IncidentSysId}})}}",
    {
      state: "6",
      close_code: enc("{{CloseCode}}"),
      close_notes: `${w.recoveredAfter} ${enc("{{@alert.downtimeDuration}}")} (${w.alertflowIncident} ${enc("{{@incident.key}}")})`,
    },
    { name: "Resolve incident", headers: ACCEPT, auth: AUTH },
  );

/** The default incident and its resolution, their texts worded in `w` (see preset-words.ts). */
export function servicenowStepDefinitionsIn(w: PresetWords): StepDefinition[] {
  return [
    stepDefinition(
      ["error"],
      jsonStep("POST", "{{InstanceUrl}}/api/now/table/incident", createBody(w), {
        name: "Create incident",
        headers: ACCEPT,
        auth: AUTH,
      }),
    ),
    stepDefinition(["ok"], findIncident, resolveIncident(w)),
  ];
}

export const servicenowIntegration: HttpIntegrationDefinition<"servicenow"> = {
  type: "servicenow",
  transport: "http",
  label: "ServiceNow",
  description: "Opens a ServiceNow incident on Error and resolves it (state 6) on Ok.",
  variables: [
    {
      name: "InstanceUrl",
      label: "Instance URL",
      description: "https://<instance>.service-now.com",
      required: true,
      modes: ["integration"],
    },
    { name: "Username", label: "Username", required: true, modes: ["integration"] },
    { name: "Password", label: "Password", secret: true, required: true, modes: ["integration"] },
    { name: "Urgency", label: "Urgency (1-3)", required: true, defaultValue: "2", modes: ["integration", "perLevel"] },
    { name: "Impact", label: "Impact (1-3)", required: true, defaultValue: "2", modes: ["integration", "perLevel"] },
    {
      name: "AssignmentGroup",
      label: "Assignment group",
      required: false,
      defaultValue: "",
      modes: ["integration", "perLevel"],
    },
    {
      name: "CloseCode",
      label: "Close code",
      required: true,
      defaultValue: "Solution provided",
      modes: ["integration"],
    },
  ],
  capabilities: {
    defaultMessageTypes: ["error", "ok"],
    supportsOk: true,
    supportsReminders: true,
    remindersDiscouraged: true,
    dedupesRepeats: false,
    customizable: true,
  },
  rateLimit: { eventsPerMinute: 60, per: { kind: "integration" } },
  defaultStepDefinitions: servicenowStepDefinitionsIn(PRESET_WORDS.en),
};
