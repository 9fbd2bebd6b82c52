import type { MessageType } from "../../message-template/message-type";
import type { StepDefinition } from "../customizations-schema";
import type { HttpIntegrationDefinition } from "../integration-definition";
import { PRESET_WORDS, type PresetWords } from "../preset-words";
import { httpStep, stepDefinition } from "../step-builders";

const x = (template: string) => `{{@XmlEncode(${template})}}`;

const spoken = (w: PresetWords): Record<"error" | "reminder", string> => ({
  error: `${w.alertFromAlertflow} {{@monitor.name}}: {{@alert.summary}}. ${w.level} {{@escalationLevel.id}}. {{@escalationLevel.message}}`,
  reminder: `${w.reminderFromAlertflow} {{@monitor.name}} ${w.isStillFailing}: {{@alert.summary}}. ${w.level} {{@escalationLevel.id}}.`,
});

/**
 * The call's TwiML: reads the message, then waits for one key. Twilio posts the key to the
 * Gather action, `<acknowledge link>/phone`, signed with the account's auth token. The text is
 * XML-encoded (monitor names are not trusted) and kept under Twilio's 4,000-character limit.
 */
function twiml(type: "error" | "reminder", w: PresetWords): string {
  // English is Twilio's default voice: the default TwiML stays without the attribute.
  const say = w === PRESET_WORDS.en ? "<Say>" : `<Say language="${w.spokenLanguage}">`;
  return [
    "<Response>",
    `<Gather input="dtmf" numDigits="1" timeout="10" method="POST" action="${x("{{@alert.acknowledgeUrl}}")}/phone">`,
    `${say}${x(`{{@Truncate(1500, ${spoken(w)[type]})}}`)}</Say>`,
    `${say}${w.pressOneToAcknowledge}</Say>`,
    "</Gather>",
    `${say}${w.noKeyPressed}</Say>`,
    "</Response>",
  ].join("");
}

/** Twilio's Calls resource; Twilio-compatible gateways take the same form and basic auth. */
function call(type: "error" | "reminder", w: PresetWords) {
  return httpStep({
    name: `Call (${type})`,
    method: "POST",
    url: "{{ApiUrl}}/2010-04-01/Accounts/{{@UrlEncode({{AccountSid}})}}/Calls.json",
    auth: { type: "basic", username: "{{AccountSid}}", password: "{{AuthToken}}" },
    body: { type: "form", fields: { To: "{{To}}", From: "{{From}}", Twiml: twiml(type, w) } },
  });
}

const TYPES: ("error" | "reminder")[] = ["error", "reminder"] satisfies MessageType[];

/** The default calls, spoken in `w`'s language (see preset-words.ts). */
export function phoneStepDefinitionsIn(w: PresetWords): StepDefinition[] {
  return TYPES.map((type) => stepDefinition([type], call(type, w)));
}

export const phoneIntegration: HttpIntegrationDefinition<"phone"> = {
  type: "phone",
  transport: "http",
  label: "Phone call (Twilio-compatible)",
  description: 'Calls a phone, reads the alert and offers "press 1 to acknowledge". Sends no Ok.',
  variables: [
    {
      name: "ApiUrl",
      label: "API base URL",
      required: true,
      defaultValue: "https://api.twilio.com",
      modes: ["integration"],
    },
    { name: "AccountSid", label: "Account SID", required: true, modes: ["integration"] },
    {
      name: "AuthToken",
      label: "Auth token",
      description: "Also checks the signature of the key press Twilio sends back",
      secret: true,
      required: true,
      modes: ["integration"],
    },
    {
      name: "From",
      label: "From number",
      description: "+<country code><number>",
      required: true,
      modes: ["integration"],
    },
    {
      name: "To",
      label: "Number to call",
      description: "+<country code><number>",
      required: true,
      modes: ["integration", "perLevel"],
    },
  ],
  // Uptrends' phone alerts: fixed text, no Ok (a call to say all is well wakes people for nothing).
  capabilities: {
    defaultMessageTypes: ["error", "reminder"],
    supportsOk: false,
    supportsReminders: true,
    remindersDiscouraged: false,
    dedupesRepeats: false,
    customizable: false,
  },
  rateLimit: { eventsPerMinute: 30, per: { kind: "variable", name: "From" } },
  defaultStepDefinitions: phoneStepDefinitionsIn(PRESET_WORDS.en),
};
