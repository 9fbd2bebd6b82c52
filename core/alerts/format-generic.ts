import { z } from "zod";
import { putOwn } from "../own-entry";
import { recordOf } from "../wire/own-record";
import type { NormalizedAlert } from "./alert";
import {
  alertKeyField,
  detailValue,
  identityText,
  labelMap,
  optionalIsoTimestamp,
  optionalText,
  requiredText,
  stringMap,
  truncate,
} from "./inbound-fields";
import { SEVERITY_HELP, severityFrom } from "./severity";
import { toIsoTimestamp } from "./timestamp";

/**
 * Alertflow's own JSON format (docs/alert-formats.md). It is the one people hand-write in curl
 * and scripts, so it accepts the spellings they reach for: `alertKey` for `key`, `title` for
 * `summary`, Alertmanager/Zabbix status words, a monitor given as just its name.
 */
const STATUS_WORDS = {
  error: "error",
  alert: "error",
  problem: "error",
  firing: "error",
  ok: "ok",
  resolved: "ok",
} satisfies Record<string, NormalizedAlert["status"]>;

const statusWords = Object.keys(STATUS_WORDS);

/** Copy an alias onto its canonical name before validation, so issues name the canonical field. */
const ALIASES: [alias: string, canonical: string][] = [
  ["alertKey", "key"],
  ["title", "summary"],
];

function applyAliases(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const fields: Record<string, unknown> = Object.fromEntries(Object.entries(body));
  for (const [alias, canonical] of ALIASES) {
    if (fields[canonical] === undefined && fields[alias] !== undefined) fields[canonical] = fields[alias];
  }
  return fields;
}

const monitorFields = z.object({
  guid: optionalText,
  name: identityText,
  type: optionalText,
  url: optionalText,
  notes: optionalText,
  dashboardUrl: optionalText,
  editUrl: optionalText,
});

/** A bare string is the monitor's name: the common case when a script reports one check. */
function monitorFromName(value: unknown): unknown {
  return typeof value === "string" || typeof value === "number" ? { name: String(value) } : value;
}

const genericAlertSchema = z.preprocess(
  applyAliases,
  z.object({
    key: alertKeyField("Required: give `key` (or `alertKey`), the incident identity"),
    status: z
      .string({ error: (issue) => (issue.input === undefined ? "Required: error or ok" : undefined) })
      .trim()
      .toLowerCase()
      .refine((word) => Object.hasOwn(STATUS_WORDS, word), {
        message: `Expected one of ${statusWords.join(", ")}`,
      }),
    summary: requiredText("Required: give `summary` (or `title`), a one-line headline"),
    description: optionalText,
    severity: optionalText.refine((word) => word === undefined || severityFrom(word) !== undefined, {
      message: SEVERITY_HELP,
    }),
    source: optionalText,
    labels: labelMap.optional(),
    annotations: stringMap.optional(),
    monitor: z.preprocess(monitorFromName, monitorFields).optional(),
    occurredAt: optionalIsoTimestamp,
    details: recordOf(z.string(), z.unknown()).optional(),
  }),
);

const singleAlertSchema = genericAlertSchema.transform((alert) => [alert]);

const batchSchema = z
  .array(genericAlertSchema)
  .min(1, "Send at least one alert")
  .max(100, "At most 100 alerts per request");

/**
 * One alert, or a batch of up to 100 so a script can report several checks in one request.
 * Chosen by shape rather than with z.union, whose single "Invalid input" would hide which field
 * of the alert was wrong.
 */
export function genericPayloadSchemaFor(body: unknown) {
  return Array.isArray(body) ? batchSchema : singleAlertSchema;
}

export type GenericPayload = z.output<typeof batchSchema>;
type GenericAlert = GenericPayload[number];
type MonitorFields = z.output<typeof monitorFields>;

function statusOf(word: string): NormalizedAlert["status"] {
  return word === "ok" || word === "resolved" ? "ok" : "error";
}

function normalizeOne(alert: GenericAlert, now: Date): NormalizedAlert {
  const monitor: MonitorFields = alert.monitor ?? {};
  const details: Record<string, string> = {};
  for (const [name, value] of Object.entries(alert.details ?? {})) {
    const text = detailValue(value);
    if (text !== undefined) putOwn(details, name, text);
  }
  return {
    key: alert.key,
    status: statusOf(alert.status),
    summary: truncate(alert.summary, 1024),
    description: truncate(alert.description ?? "", 100_000),
    severity: severityFrom(alert.severity) ?? "error",
    source: truncate(alert.source ?? "", 500),
    labels: alert.labels ?? {},
    annotations: alert.annotations ?? {},
    monitor: {
      guid: monitor.guid ?? "",
      name: monitor.name ?? "",
      type: monitor.type ?? "",
      url: monitor.url ?? "",
      notes: monitor.notes ?? "",
      dashboardUrl: monitor.dashboardUrl ?? "",
      editUrl: monitor.editUrl ?? "",
    },
    details,
    occurredAt: toIsoTimestamp(alert.occurredAt ?? "") ?? now.toISOString(),
  };
}

export function normalizeGeneric(payload: GenericPayload, now: Date): NormalizedAlert[] {
  return payload.map((alert) => normalizeOne(alert, now));
}
