import type { z } from "zod";
import type { AlertFormat } from "../flow/document";
import type { NormalizedAlert } from "./alert";
import { alertmanagerPayloadSchema, normalizeAlertmanager } from "./format-alertmanager";
import { genericPayloadSchemaFor, normalizeGeneric } from "./format-generic";
import { grafanaPayloadSchema, normalizeGrafana } from "./format-grafana";
import { normalizeUptrends, uptrendsPayloadSchema } from "./format-uptrends";

export interface InboundIssue {
  /** Dotted path into the request body (`alerts.1.status`); "" for the body itself. */
  path: string;
  message: string;
}

export type InboundResult = { ok: true; alerts: NormalizedAlert[] } | { ok: false; issues: InboundIssue[] };

/** Enough to fix a payload; a 1,000-alert body with one bad field per alert needs no more. */
const MAX_ISSUES = 50;

function parseWith<S extends z.ZodType>(
  schema: S,
  normalize: (payload: z.output<S>, now: Date) => NormalizedAlert[],
  body: unknown,
  now: Date,
): InboundResult {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, alerts: normalize(parsed.data, now) };
  return {
    ok: false,
    issues: parsed.error.issues.slice(0, MAX_ISSUES).map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
    })),
  };
}

/**
 * Validates an inbound request body in the trigger's format and normalizes it into alerts (one
 * per alert in a group notification). Pure: `now` stands in for a missing event time.
 */
export function parseInbound(format: AlertFormat, body: unknown, now: Date): InboundResult {
  switch (format) {
    case "generic":
      return parseWith(genericPayloadSchemaFor(body), normalizeGeneric, body, now);
    case "uptrends":
      return parseWith(uptrendsPayloadSchema, normalizeUptrends, body, now);
    case "alertmanager":
      return parseWith(alertmanagerPayloadSchema, normalizeAlertmanager, body, now);
    case "grafana":
      return parseWith(grafanaPayloadSchema, normalizeGrafana, body, now);
  }
}
