import { z } from "zod";
import { putOwn } from "../own-entry";
import { recordOf } from "../wire/own-record";
import type { NormalizedAlert } from "./alert";
import { detailValue, optionalText } from "./inbound-fields";
import {
  MAX_ALERTS_PER_NOTIFICATION,
  normalizePrometheusAlert,
  prometheusAlertSchema,
  prometheusEnvelopeSchema,
} from "./prometheus-style";

/**
 * Grafana unified alerting's webhook contact point: Alertmanager's envelope (its version is "1")
 * plus `orgId, title, state, message`, and per alert the Grafana links and the query values that
 * fired it. `values` is null for no-data and error states, and older Grafanas send only
 * `valueString`.
 */
const grafanaAlert = prometheusAlertSchema.extend({
  silenceURL: optionalText,
  dashboardURL: optionalText,
  panelURL: optionalText,
  imageURL: optionalText,
  values: recordOf(z.string(), z.union([z.number(), z.string(), z.null()])).nullish(),
  valueString: optionalText,
});

export const grafanaPayloadSchema = prometheusEnvelopeSchema.extend({
  version: optionalText,
  orgId: z.union([z.number(), z.string()]).optional(),
  title: optionalText,
  state: optionalText,
  message: optionalText,
  alerts: z.array(grafanaAlert).max(MAX_ALERTS_PER_NOTIFICATION),
});

export type GrafanaPayload = z.output<typeof grafanaPayloadSchema>;
type GrafanaAlert = GrafanaPayload["alerts"][number];

function grafanaDetails(alert: GrafanaAlert, payload: GrafanaPayload): Record<string, string> {
  const details: Record<string, string> = {};
  const extras: [string, unknown][] = [
    ["silenceURL", alert.silenceURL],
    ["dashboardURL", alert.dashboardURL],
    ["panelURL", alert.panelURL],
    ["imageURL", alert.imageURL],
    ["valueString", alert.valueString],
    ["orgId", payload.orgId],
    ["state", payload.state],
  ];
  // One entry per query ref (values.B), so a filter or key expression can use a single value.
  for (const [ref, value] of Object.entries(alert.values ?? {})) extras.push([`values.${ref}`, value]);
  for (const [name, value] of extras) {
    const text = detailValue(value);
    if (text !== undefined) putOwn(details, name, text);
  }
  return details;
}

export function normalizeGrafana(payload: GrafanaPayload, now: Date): NormalizedAlert[] {
  return payload.alerts.map((alert) => {
    const base = normalizePrometheusAlert(alert, payload, { sender: "grafana" }, now);
    return {
      ...base,
      monitor: {
        ...base.monitor,
        // Grafana's generatorURL opens the alert rule; the dashboard links are separate.
        dashboardUrl: alert.dashboardURL ?? alert.panelURL ?? base.monitor.dashboardUrl,
        editUrl: alert.generatorURL ?? "",
      },
      details: { ...base.details, ...grafanaDetails(alert, payload) },
    };
  });
}
