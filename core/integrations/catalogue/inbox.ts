import type { InboxIntegrationDefinition } from "../integration-definition";

const details = ["{{@escalationLevel.message}}", "Flow: {{@alertDefinition.name}} · level {{@escalationLevel.id}}"];
const acknowledge = "Acknowledge: {{@alert.acknowledgeUrl}}";

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
  defaultMessage: {
    error: {
      subject: "{{@alert.summary}}",
      text: ["{{@alert.description}}", ...details, acknowledge].join("\n"),
      html: "",
    },
    reminder: {
      subject: "Reminder {{@alert.reminderNumber}}: {{@alert.summary}}",
      text: ["Still failing since {{@alert.firstErrorUtc}} UTC.", ...details, acknowledge].join("\n"),
      html: "",
    },
    // The Ok says what recovered, not the error's summary again.
    ok: {
      subject: "{{@incident.key}} recovered after {{@alert.downtimeDuration}}",
      text: ["First error {{@alert.firstErrorUtc}} UTC, recovered {{@alert.timestampUtc}} UTC.", ...details].join("\n"),
      html: "",
    },
  },
};
