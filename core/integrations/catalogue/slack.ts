import { MESSAGE_TYPES, type MessageType } from "../../message-template/message-type";
import type { StepDefinition } from "../customizations-schema";
import type { HttpIntegrationDefinition } from "../integration-definition";
import { PRESET_WORDS, type PresetWords } from "../preset-words";
import { enc } from "../json-template";
import { jsonStep, stepDefinition } from "../step-builders";

const headlines = (w: PresetWords): Record<MessageType, string> => ({
  error: `:red_circle: *${w.alert}*`,
  reminder: `:large_orange_circle: *${w.reminder}*`,
  ok: ":large_green_circle: *Ok*",
});

/**
 * Acknowledge/Resolve buttons. Each value is the signed link itself, so the interactivity
 * endpoint learns the incident and action from a value it can verify (Slack echoes it back).
 */
const buttons = (w: PresetWords) => ({
  type: "actions",
  block_id: "alertflow_actions",
  elements: [
    {
      type: "button",
      action_id: "alertflow_acknowledge",
      style: "primary",
      text: { type: "plain_text", text: w.acknowledge },
      value: enc("{{@alert.acknowledgeUrl}}"),
    },
    {
      type: "button",
      action_id: "alertflow_resolve",
      text: { type: "plain_text", text: w.resolve },
      value: enc("{{@alert.resolveUrl}}"),
    },
  ],
});

/**
 * Incoming webhook body: `text` is the notification fallback, `blocks` the rich layout. One
 * section holds everything because Slack rejects an empty section, and the level message may
 * be empty. Lengths stay under Slack's 3000-character section limit.
 */
function slackBody(type: MessageType, w: PresetWords) {
  const headline = `${headlines(w)[type]} ${enc("{{@Truncate(150, {{@monitor.name}})}}")}`;
  const detail =
    type === "ok"
      ? `${w.recoveredAfter} ${enc("{{@alert.downtimeDuration}}")}`
      : enc("{{@Truncate(1500, {{@alert.description}})}}");
  return {
    // The Ok says what recovered; repeating the error's summary ("Checkout API is down") misleads.
    text:
      type === "ok"
        ? `${headline}: ${w.recoveredAfterInline} ${enc("{{@alert.downtimeDuration}}")}`
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
            text: `${w.level} ${enc("{{@escalationLevel.id}}")} · ${enc("{{@Truncate(200, {{@alertDefinition.name}})}}")} · ${enc("{{@alert.timestampUtc}}")} UTC${type === "ok" ? "" : ` · <${enc("{{@alert.acknowledgeUrl}}")}|${w.acknowledge}> · <${enc("{{@alert.resolveUrl}}")}|${w.resolve}>`}`,
          },
        ],
      },
      ...(type === "ok" ? [] : [buttons(w)]),
    ],
  };
}

/** The default Slack messages, worded in `w` (see preset-words.ts). */
export function slackStepDefinitionsIn(w: PresetWords): StepDefinition[] {
  return MESSAGE_TYPES.map((type) =>
    stepDefinition([type], jsonStep("POST", "{{WebhookUrl}}", slackBody(type, w), { name: `Post ${type}` })),
  );
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
  defaultStepDefinitions: slackStepDefinitionsIn(PRESET_WORDS.en),
};
