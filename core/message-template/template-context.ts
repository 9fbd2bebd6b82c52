import type { NormalizedAlert } from "../alerts/alert";
import { formatDotNet, formatDuration, isoWithoutOffset, shiftToTimeZone } from "./date-format";
import { ALERT_TYPE_LABEL, type MessageType } from "./message-type";
import { stableGuid } from "./stable-guid";
import type { SystemVariables } from "./system-variables";

/** Everything a template can read. Plain JSON, so it can cross into workflows and previews. */
export interface TemplateContext {
  /** System variables by name without the `@`. */
  system: SystemVariables;
  /** Integration variables (`{{ApiUrl}}`): integration values, per-level values, secrets, captures. */
  variables: Record<string, string>;
  /** `{{@CustomField(name)}}` values. */
  customFields: Record<string, string>;
  /** `{{@UniqueGuid}}`: the same for every use within one message, and across its retries. */
  uniqueGuid: string;
  /** ISO instant `{{@DateTime}}` counts from; fixed so one message renders one time. */
  now: string;
}

export interface TemplateContextInput {
  alert: NormalizedAlert;
  messageType: MessageType;
  incident: { id: string; key: string; firstErrorAt: string; resolvedAt?: string | null };
  level: { id: number; message: string };
  flow: { id: string; name: string };
  /** 1-based for reminders; 0 for Error and Ok. */
  reminderNumber: number;
  variables: Record<string, string>;
  account?: { id: string; timeZone?: string };
  /** Defaults to the current time; workflows pass their own clock. */
  now?: string;
  /** Signed acknowledge/resolve links (made on the server, which holds the key); none for Ok. */
  links?: { acknowledgeUrl: string; resolveUrl: string };
}

/** The account culture format from the Uptrends docs, e.g. `8/28/2020 10:23 PM`. */
const CULTURE_FORMAT = "M/d/yyyy h:mm tt";

function toDate(value: string | null | undefined, fallback: Date): Date {
  if (!value) return fallback;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? fallback : d;
}

/** The four Uptrends forms of one instant: UTC/local × ISO/culture-formatted. */
function timeForms(date: Date, timeZone: string) {
  const local = shiftToTimeZone(date, timeZone);
  return {
    utc: isoWithoutOffset(date),
    local: isoWithoutOffset(local),
    utcFormatted: formatDotNet(date, CULTURE_FORMAT),
    localFormatted: formatDotNet(local, CULTURE_FORMAT),
    unix: String(Math.floor(date.getTime() / 1000)),
  };
}

function messageTime(input: TemplateContextInput, now: Date): Date {
  const occurred = toDate(input.alert.occurredAt, now);
  if (input.messageType === "ok") return toDate(input.incident.resolvedAt, occurred);
  // A reminder is about the moment it is sent; the alert still carries the last error's time.
  if (input.messageType === "reminder") return now;
  return occurred;
}

export function buildTemplateContext(input: TemplateContextInput): TemplateContext {
  const { alert, incident, messageType } = input;
  const now = toDate(input.now, new Date());
  const timeZone = input.account?.timeZone ?? "UTC";
  const at = timeForms(messageTime(input, now), timeZone);
  const firstErrorDate = toDate(incident.firstErrorAt, toDate(alert.occurredAt, now));
  const first = timeForms(firstErrorDate, timeZone);
  const d = alert.details;
  const seed = `${incident.id}|${input.level.id}|${messageType}|${input.reminderNumber}`;
  const resolvedAt = toDate(incident.resolvedAt, toDate(alert.occurredAt, now));

  const system: SystemVariables = {
    "account.accountId": input.account?.id ?? "",
    "alert.alertGuid": stableGuid(`alert|${seed}`),
    "alert.type": ALERT_TYPE_LABEL[messageType],
    "alert.description": alert.description || alert.summary,
    "alert.firstErrorDescription": d.firstErrorDescription ?? (alert.description || alert.summary),
    "alert.failureMessage": d.failureMessage ?? "",
    "alert.errorTypeId": d.errorTypeId ?? "",
    "alert.numberOfConsecutiveErrors": d.numberOfConsecutiveErrors ?? "",
    "alert.checkpointName": d.checkpointName ?? "",
    "alert.timestampUtc": at.utc,
    "alert.timestamp": at.local,
    "alert.timestampUtcFormatted": at.utcFormatted,
    "alert.timestampFormatted": at.localFormatted,
    "alert.firstErrorUtc": first.utc,
    "alert.firstError": first.local,
    "alert.firstErrorUtcFormatted": first.utcFormatted,
    "alert.firstErrorFormatted": first.localFormatted,
    "alert.firstErrorCheckId": d.firstErrorCheckId ?? "",
    "alert.firstErrorCheckUrl": d.firstErrorCheckUrl ?? "",
    "alert.downtimeDuration":
      messageType === "ok" ? formatDuration(resolvedAt.getTime() - firstErrorDate.getTime()) : "",
    "alert.resolvedIpAddress": d.resolvedIpAddress ?? "",
    "alert.serverIpv4": d.serverIpv4 ?? "",
    "alert.serverIpv6": d.serverIpv6 ?? "",
    "alert.responseBody": d.responseBody ?? "",
    "alert.responseHeaders": d.responseHeaders ?? "",
    "alert.sslValidUntil": d.sslValidUntil ?? "",
    "alert.summary": alert.summary,
    "alert.severity": alert.severity,
    "alert.source": alert.source || alert.monitor.name || "alertflow",
    "alert.reminderNumber": String(messageType === "reminder" ? input.reminderNumber : 0),
    "alert.timestampUnix": at.unix,
    "alert.firstErrorUnix": first.unix,
    "alert.labels": JSON.stringify(alert.labels),
    // An incident that has cleared has nothing left to acknowledge.
    "alert.acknowledgeUrl": messageType === "ok" ? "" : (input.links?.acknowledgeUrl ?? ""),
    "alert.resolveUrl": messageType === "ok" ? "" : (input.links?.resolveUrl ?? ""),
    "alertDefinition.guid": input.flow.id,
    "alertDefinition.name": input.flow.name,
    "escalationLevel.id": String(input.level.id),
    "escalationLevel.message": input.level.message,
    "incident.key": incident.key,
    "incident.id": incident.id,
    "monitor.monitorGuid": alert.monitor.guid,
    "monitor.name": alert.monitor.name,
    "monitor.type": alert.monitor.type,
    "monitor.url": alert.monitor.url,
    "monitor.notes": alert.monitor.notes,
    "monitor.dashboardUrl": alert.monitor.dashboardUrl,
    "monitor.editUrl": alert.monitor.editUrl,
  };

  return {
    system,
    variables: { ...input.variables },
    // Labels are what Alertmanager/Grafana call custom fields; annotations refine them.
    customFields: { ...alert.labels, ...alert.annotations },
    uniqueGuid: stableGuid(`unique|${seed}`),
    now: now.toISOString(),
  };
}
