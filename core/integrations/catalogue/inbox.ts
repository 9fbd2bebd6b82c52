import type { MessageType } from "../../message-template/message-type";
import type { EmailTemplate } from "../customizations-schema";
import type { InboxIntegrationDefinition } from "../integration-definition";
import { PRESET_WORDS, type PresetWords } from "../preset-words";

/** The inbox's messages, worded in `w` (see preset-words.ts): a title and a plain-text body. */
export function inboxMessagesIn(w: PresetWords): Record<MessageType, EmailTemplate> {
  const details = [
    "{{@escalationLevel.message}}",
    `${w.flow}: {{@alertDefinition.name}} · ${w.levelInline} {{@escalationLevel.id}}`,
  ];
  const acknowledge = `${w.acknowledge}: {{@alert.acknowledgeUrl}}`;
  return {
    error: {
      subject: "{{@alert.summary}}",
      text: ["{{@alert.description}}", ...details, acknowledge].join("\n"),
      html: "",
    },
    reminder: {
      subject: `${w.reminder} {{@alert.reminderNumber}}: {{@alert.summary}}`,
      text: [`${w.stillFailingSince} {{@alert.firstErrorUtc}} UTC.`, ...details, acknowledge].join("\n"),
      html: "",
    },
    // The Ok says what recovered, not the error's summary again.
    ok: {
      subject: `{{@incident.key}} ${w.recoveredAfterInline} {{@alert.downtimeDuration}}`,
      text: [
        `${w.firstError} {{@alert.firstErrorUtc}} UTC, ${w.recoveredInline} {{@alert.timestampUtc}} UTC.`,
        ...details,
      ].join("\n"),
      html: "",
    },
  };
}

/**
 * The built-in inbox: messages are stored inside Alertflow and listed on the Inbox page, so a
 * flow can be tried (and the demo runs) without any external receiver or allow-list entry.
 */
export const inboxIntegration: InboxIntegrationDefinition<"inbox"> = {
  type: "inbox",
  transport: "inbox",
  label: "Alertflow inbox",
  description: "Keeps the messages inside Alertflow, on the Inbox page: try a flow without any external receiver.",
  variables: [],
  capabilities: {
    defaultMessageTypes: ["error", "reminder", "ok"],
    supportsOk: true,
    supportsReminders: true,
    remindersDiscouraged: false,
    // One row per idempotency key: a retried delivery is stored once.
    dedupesRepeats: true,
    customizable: false,
  },
  rateLimit: { eventsPerMinute: 60_000, per: { kind: "integration" } },
  defaultMessage: inboxMessagesIn(PRESET_WORDS.en),
};
