import { z } from "zod";
import type { NormalizedAlert } from "./alert";
import {
  MAX_ALERTS_PER_NOTIFICATION,
  normalizePrometheusAlert,
  prometheusAlertSchema,
  prometheusEnvelopeSchema,
} from "./prometheus-style";

/**
 * Prometheus Alertmanager's `webhook_config` body, version "4". One notification carries a whole
 * alert group, firing and resolved mixed; each alert is its own incident, keyed by fingerprint.
 */
export const alertmanagerPayloadSchema = prometheusEnvelopeSchema.extend({
  version: z.literal("4", {
    error: (issue) =>
      issue.input === undefined
        ? 'Required: Alertmanager sends version "4"'
        : `Expected version "4" (Alertmanager webhook); got ${JSON.stringify(issue.input)}`,
  }),
  alerts: z.array(prometheusAlertSchema).max(MAX_ALERTS_PER_NOTIFICATION),
});

export type AlertmanagerPayload = z.output<typeof alertmanagerPayloadSchema>;

export function normalizeAlertmanager(payload: AlertmanagerPayload, now: Date): NormalizedAlert[] {
  return payload.alerts.map((alert) => normalizePrometheusAlert(alert, payload, { sender: "alertmanager" }, now));
}
