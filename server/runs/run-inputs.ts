import { z } from "zod";
import { runStatusEnum } from "~/db/schema";

/** The database's own enum: a status added to the table is accepted here with no second list. */
export const RUN_STATUSES = runStatusEnum.enumValues;
export const runStatusFilter = z.enum(RUN_STATUSES);

/** Prefix match on the alert key; an empty string means no filter. */
const alertKeyPrefix = z.string().max(500).optional();

/** One label the alert must carry with exactly this value (Prometheus-style `key=value`). */
export const labelFilter = z.object({ key: z.string().min(1).max(200), value: z.string().max(500) });

/** Filters the list, the chart and the insights share, so they always count the same runs. */
export const runFilterFields = {
  flowId: z.string().uuid().optional(),
  alertKey: alertKeyPrefix,
  /** Free text, case-insensitive, anywhere in the alert key, monitor name, summary or description. */
  q: z.string().trim().max(200).optional(),
  /** Every label must match (AND). */
  labels: z.array(labelFilter).max(10).optional(),
  /** Runs created at or after `from` and before `to`. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
};
export type RunFilterInput = {
  [K in keyof typeof runFilterFields]?: z.infer<(typeof runFilterFields)[K]>;
};

export const listRunsInput = z.object({
  ...runFilterFields,
  status: runStatusFilter.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  /**
   * Keyset cursor: createdAt and id of the last row seen. createdAt keeps Postgres' microseconds
   * (a JS Date would round them away and skip rows created within the same millisecond).
   */
  cursor: z.object({ createdAt: z.iso.datetime(), id: z.string().uuid() }).nullish(),
});
export type ListRunsInput = z.infer<typeof listRunsInput>;

export const STATS_RANGES = {
  "24h": { hours: 24, bucketHours: 1 },
  "7d": { hours: 24 * 7, bucketHours: 6 },
  "30d": { hours: 24 * 30, bucketHours: 24 },
} as const;
export type StatsRange = keyof typeof STATS_RANGES;

export const runStatsInput = z.object({
  range: z.enum(["24h", "7d", "30d"]).default("24h"),
  ...runFilterFields,
});
export type RunStatsInput = z.infer<typeof runStatsInput>;

export const runIdInput = z.object({ runId: z.string().uuid() });

export const operatorActionInput = z.object({
  runId: z.string().uuid(),
  note: z.string().max(2000).optional(),
});

/** A bulk re-send is bounded: the dead-letter view selects a page at a time. */
export const resendInput = z.object({ deliveryIds: z.array(z.string().uuid()).min(1).max(200) });

export const failedDeliveriesInput = z.object({
  flowId: z.string().uuid().optional(),
  integrationId: z.string().uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.object({ updatedAt: z.iso.datetime(), id: z.string().uuid() }).nullish(),
});
export type FailedDeliveriesInput = z.infer<typeof failedDeliveriesInput>;

/** The insights page: one flow, one integration, or the whole workspace. */
export const runInsightsInput = z.object({
  range: z.enum(["24h", "7d", "30d"]).default("7d"),
  flowId: z.string().uuid().optional(),
  integrationId: z.string().uuid().optional(),
});
export type RunInsightsInput = z.infer<typeof runInsightsInput>;
