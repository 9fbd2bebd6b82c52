/**
 * The system variables a template can use as `{{@name}}`: Uptrends' documented list, plus a few
 * Alertflow additions (marked) that receivers such as PagerDuty and Splunk On-Call need.
 */
export const SYSTEM_VARIABLES = [
  { name: "account.accountId", description: "Account (workspace) number" },
  { name: "alert.alertGuid", description: "Unique ID of this alert message" },
  { name: "alert.type", description: "Alert | Ok | Reminder" },
  { name: "alert.description", description: "Error text of the current check" },
  { name: "alert.firstErrorDescription", description: "Error text of the first failing check" },
  { name: "alert.failureMessage", description: "Custom failure text of the transaction action" },
  { name: "alert.errorTypeId", description: "Numeric error type, e.g. 5407" },
  { name: "alert.numberOfConsecutiveErrors", description: "Consecutive confirmed errors" },
  { name: "alert.checkpointName", description: "Checkpoint of the last check" },
  { name: "alert.timestampUtc", description: "Alert time, ISO 8601 without offset, UTC" },
  { name: "alert.timestamp", description: "Alert time, ISO 8601 without offset, account time zone" },
  { name: "alert.timestampUtcFormatted", description: "Alert time in the account culture format, UTC" },
  { name: "alert.timestampFormatted", description: "Alert time in the account culture format, account time zone" },
  { name: "alert.firstErrorUtc", description: "First error time, ISO 8601 without offset, UTC" },
  { name: "alert.firstError", description: "First error time, ISO 8601 without offset, account time zone" },
  { name: "alert.firstErrorUtcFormatted", description: "First error time in the account culture format, UTC" },
  {
    name: "alert.firstErrorFormatted",
    description: "First error time in the account culture format, account time zone",
  },
  { name: "alert.firstErrorCheckId", description: "ID of the first failing check" },
  { name: "alert.firstErrorCheckUrl", description: "Deep link to the first failing check" },
  { name: "alert.downtimeDuration", description: "First error → recovery as H:mm:ss (Ok messages only)" },
  { name: "alert.resolvedIpAddress", description: "Resolved IP address" },
  { name: "alert.serverIpv4", description: "Server IPv4 address" },
  { name: "alert.serverIpv6", description: "Server IPv6 address" },
  { name: "alert.responseBody", description: "Response body of the failing check; encode before embedding" },
  { name: "alert.responseHeaders", description: "Response headers of the failing check" },
  { name: "alert.sslValidUntil", description: "Certificate expiry (SSL monitors)" },
  { name: "alert.summary", description: "One-line summary of the alert (Alertflow)" },
  { name: "alert.severity", description: "critical | error | warning | info (Alertflow)" },
  { name: "alert.source", description: "Where the alert came from; never empty (Alertflow)" },
  { name: "alert.reminderNumber", description: "1-based reminder number, 0 for Error and Ok (Alertflow)" },
  { name: "alert.timestampUnix", description: "Alert time in epoch seconds (Alertflow)" },
  { name: "alert.firstErrorUnix", description: "First error time in epoch seconds (Alertflow)" },
  { name: "alert.labels", description: "Alert labels as a JSON object (Alertflow)" },
  {
    name: "alert.acknowledgeUrl",
    description:
      "Signed link that acknowledges this incident after a confirm click; Error and Reminder only, expires in 72 h (Alertflow)",
  },
  {
    name: "alert.resolveUrl",
    description: "Signed link that resolves this incident after a confirm click; Error and Reminder only (Alertflow)",
  },
  { name: "alertDefinition.guid", description: "ID of the alert flow" },
  { name: "alertDefinition.name", description: "Name of the alert flow" },
  { name: "escalationLevel.id", description: "Escalation level number" },
  { name: "escalationLevel.message", description: "Custom message of the escalation level" },
  { name: "incident.key", description: "Shared by Error, Reminder and Ok of one incident; the dedup key" },
  { name: "incident.id", description: "Alertflow's ID of the incident (run) (Alertflow)" },
  { name: "monitor.monitorGuid", description: "Monitor ID" },
  { name: "monitor.name", description: "Monitor name" },
  { name: "monitor.type", description: "Monitor type, e.g. Transaction" },
  { name: "monitor.url", description: "Monitored URL" },
  { name: "monitor.notes", description: "Monitor notes; encode before embedding" },
  { name: "monitor.dashboardUrl", description: "Deep link to the monitor dashboard" },
  { name: "monitor.editUrl", description: "Deep link to the monitor settings" },
] as const satisfies readonly { name: string; description: string }[];

export type SystemVariableName = (typeof SYSTEM_VARIABLES)[number]["name"];
export type SystemVariables = Record<SystemVariableName, string>;

const NAMES: ReadonlySet<string> = new Set(SYSTEM_VARIABLES.map((v) => v.name));

export function isSystemVariable(name: string): name is SystemVariableName {
  return NAMES.has(name);
}
