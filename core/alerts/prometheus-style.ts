import { z } from "zod";
import type { NormalizedAlert } from "./alert";
import { labelsFingerprint } from "./fingerprint";
import { identityText, labelMap, optionalIsoTimestamp, optionalText, stringMap, truncate } from "./inbound-fields";
import { severityFrom } from "./severity";
import { isGoZeroTime, toIsoTimestamp } from "./timestamp";

/**
 * What Alertmanager's webhook (version 4) and Grafana's unified-alerting webhook share: the
 * notification group envelope and, per alert, labels, annotations and the firing window.
 */
export const MAX_ALERTS_PER_NOTIFICATION = 1000;

export const prometheusAlertSchema = z.object({
  status: z.enum(["firing", "resolved"]),
  labels: labelMap,
  annotations: stringMap.optional(),
  startsAt: optionalIsoTimestamp,
  endsAt: optionalIsoTimestamp,
  generatorURL: optionalText,
  // It becomes the incident key, which is capped at 500 characters.
  fingerprint: identityText.refine((value) => value === undefined || value.length <= 500, {
    message: "Must be at most 500 characters",
  }),
});

export const prometheusEnvelopeSchema = z.object({
  groupKey: optionalText,
  truncatedAlerts: z.number().int().nonnegative().optional(),
  status: z.enum(["firing", "resolved"]).optional(),
  receiver: optionalText,
  groupLabels: labelMap.optional(),
  commonLabels: labelMap.optional(),
  commonAnnotations: stringMap.optional(),
  externalURL: optionalText,
});

export type PrometheusAlert = z.output<typeof prometheusAlertSchema>;
export type PrometheusEnvelope = z.output<typeof prometheusEnvelopeSchema>;

export interface SenderTraits {
  /** Names the sender in `monitor.type` and, when labels name no system, in `source`. */
  sender: "alertmanager" | "grafana";
}

function firstOf(...values: (string | undefined)[]): string {
  return values.find((value) => value !== undefined && value !== "") ?? "";
}

/** A time that is present and not Go's zero value, as canonical ISO. */
function realTime(raw: string | undefined): string | undefined {
  const iso = toIsoTimestamp(raw ?? "");
  return iso === undefined || isGoZeroTime(iso) ? undefined : iso;
}

export function normalizePrometheusAlert(
  alert: PrometheusAlert,
  envelope: PrometheusEnvelope,
  traits: SenderTraits,
  now: Date,
): NormalizedAlert {
  const { labels } = alert;
  const annotations = alert.annotations ?? {};
  const firing = alert.status === "firing";
  const startsAt = realTime(alert.startsAt);
  const endsAt = realTime(alert.endsAt);
  // Older Alertmanagers omit the fingerprint; recompute it so the alert keeps its incident.
  const fingerprint = alert.fingerprint ?? labelsFingerprint(labels);

  const details: Record<string, string> = { status: alert.status, fingerprint };
  const extras: [string, string | undefined][] = [
    ["startsAt", startsAt],
    ["endsAt", endsAt],
    ["generatorURL", alert.generatorURL],
    ["receiver", envelope.receiver],
    ["groupKey", envelope.groupKey],
    ["externalURL", envelope.externalURL],
    ["truncatedAlerts", envelope.truncatedAlerts?.toString()],
  ];
  for (const [name, value] of extras) if (value !== undefined) details[name] = value;

  return {
    key: fingerprint,
    status: firing ? "error" : "ok",
    summary: truncate(
      firstOf(annotations.summary, annotations.title, labels.alertname, `${traits.sender} alert`),
      1024,
    ),
    description: truncate(firstOf(annotations.description, annotations.message), 100_000),
    severity: severityFrom(firstOf(labels.severity, labels.priority, labels.level)) ?? "error",
    source: truncate(firstOf(labels.instance, labels.job, labels.service, traits.sender), 500),
    labels,
    annotations,
    monitor: {
      guid: "",
      name: labels.alertname ?? "",
      type: traits.sender,
      url: alert.generatorURL ?? "",
      notes: annotations.runbook_url ?? "",
      dashboardUrl: envelope.externalURL ?? "",
      editUrl: "",
    },
    details,
    // A firing alert happened when it started; a resolved one when it ended.
    occurredAt: (firing ? startsAt : endsAt) ?? now.toISOString(),
  };
}
