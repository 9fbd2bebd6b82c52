import type { HttpIntegrationDefinition } from "../integration-definition";
import { enc } from "../json-template";
import { jsonStep, stepDefinition } from "../step-builders";

const COMPONENT_URL = "{{ApiUrl}}/pages/{{@UrlEncode({{PageId}})}}/components/{{@UrlEncode({{ComponentId}})}}";
const AUTH = { Authorization: "OAuth {{ApiKey}}" };

export const statuspageIntegration: HttpIntegrationDefinition<"statuspage"> = {
  type: "statuspage",
  transport: "http",
  label: "Atlassian Statuspage",
  description: "Sets one Statuspage component to an outage status on Error and back to operational on Ok.",
  variables: [
    { name: "ApiKey", label: "API key", secret: true, required: true, modes: ["integration"] },
    { name: "PageId", label: "Page ID", required: true, modes: ["integration"] },
    { name: "ComponentId", label: "Component ID", required: true, modes: ["integration", "perLevel"] },
    {
      name: "OutageStatus",
      label: "Status on Error",
      description: "degraded_performance, partial_outage or major_outage",
      required: true,
      defaultValue: "major_outage",
      modes: ["integration", "perLevel"],
    },
    {
      name: "ApiUrl",
      label: "API URL",
      required: true,
      defaultValue: "https://api.statuspage.io/v1",
      modes: ["integration"],
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
  // 1 request per second per token over a 60 s window; beyond that 420/429.
  rateLimit: { eventsPerMinute: 60, per: { kind: "variable", name: "ApiKey" } },
  defaultStepDefinitions: [
    stepDefinition(
      ["error"],
      jsonStep(
        "PATCH",
        COMPONENT_URL,
        { component: { status: enc("{{OutageStatus}}") } },
        { name: "Set outage", headers: AUTH },
      ),
    ),
    stepDefinition(
      ["ok"],
      jsonStep(
        "PATCH",
        COMPONENT_URL,
        { component: { status: "operational" } },
        { name: "Set operational", headers: AUTH },
      ),
    ),
  ],
};
