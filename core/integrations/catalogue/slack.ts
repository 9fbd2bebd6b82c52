import { MESSAGE_TYPES, type MessageType } from "../../message-template/message-type";
import type { HttpIntegrationDefinition } from "../integration-definition";
import { enc } from "../json-template";
import { jsonStep, stepDefinition } from "../step-builders";

const HEADLINE: Record<MessageType, string> = {
  error: ":red_circle: *Alert*",
  reminder: ":large_orange_circle: *Reminder*",
  ok: ":large_green_circle: *Ok*",
};

/**
 * Acknowledge/Resolve buttons. Each value is the signed link itself, so the interactivity
 * endpoint learns the incident and action from a value it can verify (Slack echoes it back).
 */
const buttons = {
  type: "actions",
  block_id: "alertflow_actions",
  elements: [
    {
      type: "button",
      action_id: "alertflow_acknowledge",
      style: "primary",
      text: { type: "plain_text", text: "Acknowledge" },
      value: enc("{{@alert.acknowledgeUrl}}"),
    },
    {
      type: "button",
      action_id: "alertflow_resolve",
      text: { type: "plain_text", text: "Resolve" },
      value: enc("{{@alert.resolveUrl}}"),
    },
  ],
};

/**
 * Incoming webhook body: `text` is the notification fallback, `blocks` the rich layout. One
 * section holds everything because Slack rejects an empty section, and the level message may
 * be empty. Lengths stay under Slack's 3000-character section limit.
 */
function slackBody(type: MessageType) {
  const headline = `${HEADLINE[type]} ${enc("{{@Truncate(150, {{@monitor.name}})}}")}`;
  const detail =
    type === "ok"
      ? `Recovered after ${enc("{{@alert.downtimeDuration}}")}`
      : enc("{{@Truncate(1500, {{@alert.description}})}}");
  return {
    // The Ok says what recovered; repeating the error's summary ("Checkout API is down") misleads.
    text:
      type === "ok"
        ? `${headline}: recovered after ${enc("{{@alert.downtimeDuration}}")}`
        : `${headline}: ${enc("{{@Truncate(2000, {{@alert.summary}})}}")}`,
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `${headline}\n${detail}\n${enc("{{@Truncate(1000, {{@escalationLevel.message}})}}")}`,
        },
      },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            // The links work without a Slack app; the buttons need one (Interactivity).
            text: `Level ${enc("{{@escalationLevel.id}}")} · ${enc("{{@Truncate(200, {{@alertDefinition.name}})}}")} · ${enc("{{@alert.timestampUtc}}")} UTC${type === "ok" ? "" : ` · <${enc("{{@alert.acknowledgeUrl}}")}|Acknowledge> · <${enc("{{@alert.resolveUrl}}")}|Resolve>`}`,
          },
        ],
      },
      ...(type === "ok" ? [] : [buttons]),
    ],
  };
}

export const slackIntegration: HttpIntegrationDefinition<"slack"> = {
  type: "slack",
  transport: "http",
  label: "Slack",
  description: "Posts to one channel through a Slack incoming webhook.",
  variables: [
    { name: "WebhookUrl", label: "Incoming webhook URL", secret: true, required: true, modes: ["integration"] },
    {
      name: "SigningSecret",
      label: "Signing secret (for the buttons)",
      description:
        "From your Slack app's Basic Information. Set the app's Interactivity request URL to <PUBLIC_URL>/api/slack/<this integration's id>/interactions",
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
    remindersDiscouraged: false,
    dedupesRepeats: false,
    customizable: true,
  },
  // Slack allows about one message a second per webhook with short bursts.
  rateLimit: { eventsPerMinute: 60, per: { kind: "integration" } },
  defaultStepDefinitions: MESSAGE_TYPES.map((type) =>
    stepDefinition([type], jsonStep("POST", "{{WebhookUrl}}", slackBody(type), { name: `Post ${type}` })),
  ),
};
