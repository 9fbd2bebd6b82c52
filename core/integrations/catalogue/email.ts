import type { MessageType } from "../../message-template/message-type";
import type { EmailTemplate } from "../customizations-schema";
import type { EmailIntegrationDefinition } from "../integration-definition";
import { PRESET_WORDS, type PresetWords } from "../preset-words";

const x = (template: string) => `{{@XmlEncode(${template})}}`;

/** The default email of each message type, worded in `w` (see preset-words.ts). */
export function emailTemplatesIn(w: PresetWords): Record<MessageType, EmailTemplate> {
  const subject: Record<MessageType, string> = {
    error: `[${w.alert}] {{@monitor.name}}: {{@alert.summary}}`,
    reminder: `[${w.reminder} {{@alert.reminderNumber}}] {{@monitor.name}}: {{@alert.summary}}`,
    ok: `[Ok] {{@monitor.name}} ${w.recoveredAfterInline} {{@alert.downtimeDuration}}`,
  };
  const headline: Record<MessageType, string> = { error: w.alert, reminder: w.reminder, ok: w.recovered };

  const text = (type: MessageType): string =>
    [
      `${headline[type]}: {{@monitor.name}}`,
      "",
      type === "ok" ? `${w.recoveredAfter} {{@alert.downtimeDuration}}.` : "{{@alert.description}}",
      "",
      "{{@escalationLevel.message}}",
      "",
      `${w.alertFlow}: {{@alertDefinition.name}} (${w.levelInline} {{@escalationLevel.id}})`,
      `${w.firstErrorUtc}: {{@alert.firstErrorUtc}}`,
      `${w.timeUtc}: {{@alert.timestampUtc}}`,
      `${w.monitor}: {{@monitor.url}}`,
      `${w.incident}: {{@incident.key}}`,
      ...(type === "ok"
        ? []
        : ["", `${w.acknowledge}: {{@alert.acknowledgeUrl}}`, `${w.resolve}: {{@alert.resolveUrl}}`]),
    ].join("\n");

  /** Values are XML-encoded: monitor names and error texts are not trusted HTML. */
  const html = (type: MessageType): string => {
    const row = (label: string, value: string) => `<tr><th align="left">${label}</th><td>${x(value)}</td></tr>`;
    return [
      `<h2>${headline[type]}: ${x("{{@monitor.name}}")}</h2>`,
      `<p>${type === "ok" ? `${w.recoveredAfter} ${x("{{@alert.downtimeDuration}}")}.` : x("{{@alert.description}}")}</p>`,
      `<p><em>${x("{{@escalationLevel.message}}")}</em></p>`,
      "<table>",
      row(w.alertFlow, "{{@alertDefinition.name}}"),
      row(w.level, "{{@escalationLevel.id}}"),
      row(w.firstErrorUtc, "{{@alert.firstErrorUtc}}"),
      row(w.timeUtc, "{{@alert.timestampUtc}}"),
      row(w.monitor, "{{@monitor.url}}"),
      row(w.incident, "{{@incident.key}}"),
      "</table>",
      ...(type === "ok"
        ? []
        : [
            `<p><a href="${x("{{@alert.acknowledgeUrl}}")}">${w.acknowledge}</a> &middot; <a href="${x("{{@alert.resolveUrl}}")}">${w.resolve}</a></p>`,
          ]),
    ].join("\n");
  };

  const template = (type: MessageType): EmailTemplate => ({
    subject: subject[type],
    html: html(type),
    text: text(type),
  });
  return { error: template("error"), reminder: template("reminder"), ok: template("ok") };
}

export const emailIntegration: EmailIntegrationDefinition<"email"> = {
  type: "email",
  transport: "smtp",
  label: "Email (SMTP)",
  description: "Sends an HTML and plain-text email through your SMTP server.",
  variables: [
    { name: "SmtpHost", label: "SMTP host", required: true, modes: ["integration"] },
    { name: "SmtpPort", label: "SMTP port", required: true, defaultValue: "587", modes: ["integration"] },
    {
      name: "SmtpSecure",
      label: "Implicit TLS (port 465)",
      description: "true for SMTPS; false uses STARTTLS when the server offers it",
      required: true,
      defaultValue: "false",
      modes: ["integration"],
    },
    { name: "SmtpUser", label: "Username", required: false, defaultValue: "", modes: ["integration"] },
    {
      name: "SmtpPassword",
      label: "Password",
      secret: true,
      required: false,
      defaultValue: "",
      modes: ["integration"],
    },
    { name: "From", label: "From address", required: true, modes: ["integration"] },
    {
      name: "To",
      label: "To addresses",
      description: "Comma-separated",
      required: true,
      modes: ["integration", "perLevel"],
    },
    {
      name: "AllowInsecureTls",
      label: "Accept self-signed certificates",
      required: true,
      defaultValue: "false",
      modes: ["integration"],
    },
    {
      name: "DisableTls",
      label: "Never use TLS (local test servers only)",
      required: true,
      defaultValue: "false",
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
  rateLimit: { eventsPerMinute: 60, per: { kind: "integration" } },
  defaultEmail: emailTemplatesIn(PRESET_WORDS.en),
};
