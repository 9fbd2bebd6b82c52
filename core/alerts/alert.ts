import { z } from "zod";
import { recordOf } from "../wire/own-record";

/**
 * The one alert shape every inbound format is normalized to. It travels into the workflow and
 * into message templates, so it stays plain JSON.
 */
export const alertStatusSchema = z.enum(["error", "ok"]);
export type AlertStatus = z.infer<typeof alertStatusSchema>;

export const normalizedAlertSchema = z.object({
  /** Incident identity before the trigger's alert-key expression is applied. */
  key: z.string().min(1).max(500),
  status: alertStatusSchema,
  summary: z.string().max(1024),
  description: z.string().max(100_000).default(""),
  severity: z.enum(["critical", "error", "warning", "info"]).default("error"),
  source: z.string().max(500).default(""),
  labels: recordOf(z.string(), z.string()).default({}),
  annotations: recordOf(z.string(), z.string()).default({}),
  monitor: z
    .object({
      guid: z.string().default(""),
      name: z.string().default(""),
      type: z.string().default(""),
      url: z.string().default(""),
      notes: z.string().default(""),
      dashboardUrl: z.string().default(""),
      editUrl: z.string().default(""),
    })
    .default({ guid: "", name: "", type: "", url: "", notes: "", dashboardUrl: "", editUrl: "" }),
  /** Extra Uptrends-style alert fields (errorTypeId, checkpointName, responseBody, ...). */
  details: recordOf(z.string(), z.string()).default({}),
  /** ISO 8601; when the check that produced this event ran. */
  occurredAt: z.string(),
});
export type NormalizedAlert = z.infer<typeof normalizedAlertSchema>;

/** An alert with only what identifies it; every other field takes its default (previews, tests). */
export const minimalAlert = (fields: Pick<NormalizedAlert, "key" | "status" | "summary" | "occurredAt">) =>
  normalizedAlertSchema.parse(fields);
