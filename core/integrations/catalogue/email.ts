import type { MessageType } from "../../message-template/message-type";
import type { EmailTemplate } from "../customizations-schema";
import type { EmailIntegrationDefinition } from "../integration-definition";

const x = (template: string) => `{{@XmlEncode(${template})}}`;

const SUBJECT: Record<MessageType, string> = {
  error: "[Alert] {{@monitor.name}}: {{@alert.summary}}",
  reminder: "[Reminder {{@alert.reminderNumber}}] {{@monitor.name}}: {{@alert.summary}}",
  ok: "[Ok] {{@monitor.name}} recovered after {{@alert.downtimeDuration}}",
};

const HEADLINE: Record<MessageType, string> = {
  error: "Alert",
  reminder: "Reminder",
  ok: "Recovered",
};

function text(type: MessageType): string {
  return [
    `${HEADLINE[type]}: {{@monitor.name}}`,
    "",
    type === "ok" ? "Recovered after {{@alert.downtimeDuration}}." : "{{@alert.description}}",
    "",
    "{{@escalationLevel.message}}",
    "",
    "Alert flow: {{@alertDefinition.name}} (level {{@escalationLevel.id}})",
    "First error (UTC): {{@alert.firstErrorUtc}}",
    "Time (UTC): {{@alert.timestampUtc}}",
    "Monitor: {{@monitor.url}}",
    "Incident: {{@incident.key}}",
    ...(type === "ok" ? [] : ["", "Acknowledge: {{@alert.acknowledgeUrl}}", "Resolve: {{@alert.resolveUrl}}"]),
  ].join("\n");
}

/** Values are XML-encoded: monitor names and error texts are not trusted HTML. */
function html(type: MessageType): string {
  const row = (label: string, value: string) => `<tr><th align="left">${label}</th><td>${x(value)}</td></tr>`;
  return [
    `<h2>${HEADLINE[type]}: ${x("{{@monitor.name}}")}</h2>`,
    `<p>${type === "ok" ? `Recovered after ${x("{{@alert.downtimeDuration}}")}.` : x("{{@alert.description}}")}</p>`,
    `<p><em>${x("{{@escalationLevel.message}}")}</em></p>`,
    "<table>",
    row("Alert flow", "{{@alertDefinition.name}}"),
    row("Level", "{{@escalationLevel.id}}"),
    row("First error (UTC)", "{{@alert.firstErrorUtc}}"),
    row("Time (UTC)", "{{@alert.timestampUtc}}"),
    row("Monitor", "{{@monitor.url}}"),
    row("Incident", "{{@incident.key}}"),
    "</table>",
    ...(type === "ok"
      ? []
      : [
          `<p><a href="${x("{{@alert.acknowledgeUrl}}")}">Acknowledge</a> &middot; <a href="${x("{{@alert.resolveUrl}}")}">Resolve</a></p>`,
        ]),
  ].join("\n");
}

const template = (type: MessageType): EmailTemplate => ({ subject: SUBJECT[type], html: html(type), text: text(type) });

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
  defaultEmail: { error: template("error"), reminder: template("reminder"), ok: template("ok") },
};
