import { MESSAGE_TYPES, type MessageType } from "../../message-template/message-type";
import type { HttpIntegrationDefinition } from "../integration-definition";
import { enc, type JsonTemplateValue } from "../json-template";
import { jsonStep, stepDefinition } from "../step-builders";

const COLOR: Record<MessageType, string> = { error: "Attention", reminder: "Warning", ok: "Good" };

/**
 * The message envelope a Teams "Post to a channel when a webhook request is received" workflow
 * takes: Adaptive Cards only (connectors' MessageCard is retired).
 */
function teamsBody(type: MessageType): JsonTemplateValue {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            {
              type: "TextBlock",
              size: "Medium",
              weight: "Bolder",
              color: COLOR[type],
              wrap: true,
              text: `${enc("{{@alert.type}}")}: ${enc("{{@monitor.name}}")}`,
            },
            {
              type: "TextBlock",
              wrap: true,
              text:
                type === "ok" ? `Recovered after ${enc("{{@alert.downtimeDuration}}")}` : enc("{{@alert.description}}"),
            },
            { type: "TextBlock", wrap: true, isSubtle: true, text: enc("{{@escalationLevel.message}}") },
            {
              type: "FactSet",
              facts: [
                { title: "Alert flow", value: enc("{{@alertDefinition.name}}") },
                { title: "Level", value: enc("{{@escalationLevel.id}}") },
                { title: "First error (UTC)", value: enc("{{@alert.firstErrorUtc}}") },
                { title: "Incident", value: enc("{{@incident.key}}") },
              ],
            },
          ],
          // Uptrends' card links to dashboard, error and monitor.
          actions: [
            { type: "Action.OpenUrl", title: "Dashboard", url: enc("{{@monitor.dashboardUrl}}") },
            { type: "Action.OpenUrl", title: "Error", url: enc("{{@alert.firstErrorCheckUrl}}") },
            { type: "Action.OpenUrl", title: "Monitor", url: enc("{{@monitor.editUrl}}") },
            // An Ok has nothing left to acknowledge (and Teams refuses an empty URL).
            ...(type === "ok"
              ? []
              : [
                  { type: "Action.OpenUrl", title: "Acknowledge", url: enc("{{@alert.acknowledgeUrl}}") },
                  { type: "Action.OpenUrl", title: "Resolve", url: enc("{{@alert.resolveUrl}}") },
                ]),
          ],
        },
      },
    ],
  };
}

export const teamsIntegration: HttpIntegrationDefinition<"teams"> = {
  type: "teams",
  transport: "http",
  label: "Microsoft Teams",
  description: "Posts an Adaptive Card through a Teams workflow webhook.",
  variables: [{ name: "WorkflowUrl", label: "Workflow URL", secret: true, required: true, modes: ["integration"] }],
  capabilities: {
    defaultMessageTypes: ["error", "reminder", "ok"],
    supportsOk: true,
    supportsReminders: true,
    remindersDiscouraged: false,
    dedupesRepeats: false,
    customizable: true,
  },
  rateLimit: { eventsPerMinute: 60, per: { kind: "integration" } },
  defaultStepDefinitions: MESSAGE_TYPES.map((type) =>
    stepDefinition([type], jsonStep("POST", "{{WorkflowUrl}}", teamsBody(type), { name: `Post ${type}` })),
  ),
};
