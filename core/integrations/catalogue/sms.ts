import { MESSAGE_TYPES, type MessageType } from "../../message-template/message-type";
import type { StepDefinition } from "../customizations-schema";
import type { HttpIntegrationDefinition } from "../integration-definition";
import { PRESET_WORDS, type PresetWords } from "../preset-words";
import { httpStep, stepDefinition } from "../step-builders";

/** The default text message of each type, worded in `w` (see preset-words.ts). */
export function smsStepDefinitionsIn(w: PresetWords): StepDefinition[] {
  const text: Record<MessageType, string> = {
    error: `${w.smsAlert} {{@monitor.name}}: {{@alert.summary}} (${w.levelInline} {{@escalationLevel.id}}) {{@escalationLevel.message}}`,
    reminder: `${w.smsReminder} {{@monitor.name}}: {{@alert.summary}} (${w.levelInline} {{@escalationLevel.id}})`,
    ok: `${w.smsOk} {{@monitor.name}} ${w.recoveredAfterInline} {{@alert.downtimeDuration}}`,
  };
  /** Twilio's Messages resource; Twilio-compatible gateways take the same form and basic auth. */
  const send = (type: MessageType) =>
    httpStep({
      name: `Send ${type} SMS`,
      method: "POST",
      url: "{{ApiUrl}}/2010-04-01/Accounts/{{@UrlEncode({{AccountSid}})}}/Messages.json",
      auth: { type: "basic", username: "{{AccountSid}}", password: "{{AuthToken}}" },
      body: {
        type: "form",
        // Twilio refuses bodies above 1600 characters.
        // The link goes last but is never cut: the text gives way to it.
        fields: {
          To: "{{To}}",
          From: "{{From}}",
          Body:
            type === "ok"
              ? `{{@Truncate(1600, ${text[type]})}}`
              : `{{@Truncate(1200, ${text[type]})}} ${w.ack}: {{@alert.acknowledgeUrl}}`,
        },
      },
    });
  return MESSAGE_TYPES.map((type) => stepDefinition([type], send(type)));
}

export const smsIntegration: HttpIntegrationDefinition<"sms"> = {
  type: "sms",
  transport: "http",
  label: "SMS (Twilio-compatible)",
  description: "Sends a text message through Twilio or a gateway with the same API.",
  variables: [
    {
      name: "ApiUrl",
      label: "API base URL",
      required: true,
      defaultValue: "https://api.twilio.com",
      modes: ["integration"],
    },
    { name: "AccountSid", label: "Account SID", required: true, modes: ["integration"] },
    { name: "AuthToken", label: "Auth token", secret: true, required: true, modes: ["integration"] },
    {
      name: "From",
      label: "From number",
      description: "+<country code><number>",
      required: true,
      modes: ["integration"],
    },
    {
      name: "To",
      label: "To number",
      description: "+<country code><number>",
      required: true,
      modes: ["integration", "perLevel"],
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
  rateLimit: { eventsPerMinute: 60, per: { kind: "variable", name: "From" } },
  defaultStepDefinitions: smsStepDefinitionsIn(PRESET_WORDS.en),
};
