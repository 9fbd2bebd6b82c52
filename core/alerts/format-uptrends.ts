import { z } from "zod";
import { putOwn } from "../own-entry";
import { recordOf } from "../wire/own-record";
import type { NormalizedAlert } from "./alert";
import {
  alertKeyField,
  detailValue,
  identityText,
  optionalIsoTimestamp,
  optionalText,
  truncate,
} from "./inbound-fields";
import { toIsoTimestamp } from "./timestamp";

/**
 * An Uptrends custom integration posting its alert variables (alerting-domain.md §4.2) as JSON,
 * nested the way the preset "Uptrends integration" body does: `alert{…}`, `alertDefinition{…}`,
 * `escalationLevel{…}`, `incident{key}`, `monitor{…}`, `account{…}`. Every value is template
 * output, so numbers may arrive quoted or not and unused variables as "".
 */
const ALERT_TYPES = {
  alert: "error",
  error: "error", // the API and UI call it Error; only the template variable says Alert
  reminder: "error",
  ok: "ok",
} satisfies Record<string, NormalizedAlert["status"]>;

function typeKey(type: string): string {
  return type.trim().toLowerCase();
}

const alertSection = z.looseObject({
  type: z
    .string({
      error: (issue) => (issue.input === undefined ? "Required: Alert, Ok or Reminder" : undefined),
    })
    // Kept as sent (details.type = "Reminder"), compared without case.
    .refine((word) => Object.hasOwn(ALERT_TYPES, typeKey(word)), {
      message: "Expected Alert, Ok or Reminder",
    }),
  description: optionalText,
  firstErrorDescription: optionalText,
  timestampUtc: optionalIsoTimestamp,
  firstErrorUtc: optionalIsoTimestamp,
});

const monitorSection = z.looseObject({
  monitorGuid: optionalText,
  guid: optionalText,
  name: identityText,
  type: optionalText,
  url: optionalText,
  notes: optionalText,
  dashboardUrl: optionalText,
  editUrl: optionalText,
});

/** Sections the normalized alert has no field for; they are kept in `details` as `section.name`. */
const contextSection = recordOf(z.string(), z.unknown()).optional();

export const uptrendsPayloadSchema = z.looseObject({
  alert: alertSection,
  incident: z.looseObject({
    key: alertKeyField("Required: Uptrends sends {{@incident.key}} here"),
  }),
  monitor: monitorSection.optional(),
  alertDefinition: contextSection,
  escalationLevel: contextSection,
  account: contextSection,
});

export type UptrendsPayload = z.output<typeof uptrendsPayloadSchema>;

function statusOf(type: string): NormalizedAlert["status"] {
  return typeKey(type) === "ok" ? "ok" : "error";
}

const CONTEXT_SECTIONS: ("alertDefinition" | "escalationLevel" | "account")[] = [
  "alertDefinition",
  "escalationLevel",
  "account",
];

function collectDetails(payload: UptrendsPayload): Record<string, string> {
  const details: Record<string, string> = {};
  const add = (name: string, value: unknown) => {
    const text = detailValue(value);
    if (text !== undefined && text !== "") putOwn(details, name, text);
  };
  // `@alert.*` variables keep their own names (details.errorTypeId), as the alert shape documents.
  for (const [name, value] of Object.entries(payload.alert)) add(name, value);
  for (const section of CONTEXT_SECTIONS) {
    for (const [name, value] of Object.entries(payload[section] ?? {})) add(`${section}.${name}`, value);
  }
  return details;
}

export function normalizeUptrends(payload: UptrendsPayload, now: Date): NormalizedAlert[] {
  const { alert } = payload;
  const monitor = payload.monitor ?? {};
  const problem = alert.description ?? alert.firstErrorDescription ?? "";
  const monitorName = monitor.name ?? "";
  const headline = [monitorName, problem].filter((part) => part !== "").join(": ");
  const isOk = statusOf(alert.type) === "ok";
  return [
    {
      key: payload.incident.key,
      status: statusOf(alert.type),
      summary: truncate(headline || (isOk ? "Uptrends monitor recovered" : "Uptrends alert"), 1024),
      description: truncate(problem, 100_000),
      severity: "error",
      source: truncate(monitor.url ?? monitorName, 500),
      labels: {},
      annotations: {},
      monitor: {
        guid: monitor.monitorGuid ?? monitor.guid ?? "",
        name: monitorName,
        type: monitor.type ?? "",
        url: monitor.url ?? "",
        notes: monitor.notes ?? "",
        dashboardUrl: monitor.dashboardUrl ?? "",
        editUrl: monitor.editUrl ?? "",
      },
      details: collectDetails(payload),
      // `timestampUtc` carries no offset but is UTC by definition; toIsoTimestamp reads it so.
      occurredAt: toIsoTimestamp(alert.timestampUtc ?? "") ?? now.toISOString(),
    },
  ];
}
