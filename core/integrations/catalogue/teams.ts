import { MESSAGE_TYPES, type MessageType } from "../../message-template/message-type";
import type { StepDefinition } from "../customizations-schema";
import type { HttpIntegrationDefinition } from "../integration-definition";
import { PRESET_WORDS, type PresetWords } from "../preset-words";
import { enc, type JsonTemplateValue } from "../json-template";
import { jsonStep, stepDefinition } from "../step-builders";

const COLOR: Record<MessageType, string> = { error: "Attention", reminder: "Warning", ok: "Good" };

/**
 * The message envelope a Teams "Post to a channel when a webhook request is received" workflow
 * takes: Adaptive Cards only (connectors' MessageCard is retired).
 */
function teamsBody(type: MessageType, w: PresetWords): JsonTemplateValue {
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
                type === "ok"
                  ? `${w.recoveredAfter} ${enc("{{@alert.downtimeDuration}}")}`
                  : enc("{{@alert.description}}"),
            },
            { type: "TextBlock", wrap: true, isSubtle: true, text: enc("{{@escalationLevel.message}}") },
            {
              type: "FactSet",
              facts: [
                { title: w.alertFlow, value: enc("{{@alertDefinition.name}}") },
                { title: w.level, value: enc("{{@escalationLevel.id}}") },
                { title: w.firstErrorUtc, value: enc("{{@alert.firstErrorUtc}}") },
                { title: w.incident, value: enc("{{@incident.key}}") },
              ],
            },
          ],
          // Uptrends' card links to dashboard, error and monitor.
          actions: [
            { type: "Action.OpenUrl", title: w.dashboard, url: enc("{{@monitor.dashboardUrl}}") },
            { type: "Action.OpenUrl", title: w.error, url: enc("{{@alert.firstErrorCheckUrl}}") },
            { type: "Action.OpenUrl", title: w.monitor, url: enc("{{@monitor.editUrl}}") },
            // An Ok has nothing left to acknowledge (and Teams refuses an empty URL).
            ...(type === "ok"
              ? []
              : [
                  { type: "Action.OpenUrl", title: w.acknowledge, url: enc("{{@alert.acknowledgeUrl}}") },
                  { type: "Action.OpenUrl", title: w.resolve, url: enc("{{@alert.resolveUrl}}") },
                ]),
          ],
        },
      },
    ],
  };
}

/** The default Teams cards, worded in `w` (see preset-words.ts). */
export function teamsStepDefinitionsIn(w: PresetWords): StepDefinition[] {
  return MESSAGE_TYPES.map((type) =>
    stepDefinition([type], jsonStep("POST", "{{WorkflowUrl}}", teamsBody(type, w), { name: `Post ${type}` })),
  );
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
  defaultStepDefinitions: teamsStepDefinitionsIn(PRESET_WORDS.en),
};
