import { z } from "zod";
import { runStatusEnum } from "~/db/schema";

/** The database's own enum: a status added to the table is accepted here with no second list. */
export const RUN_STATUSES = runStatusEnum.enumValues;
export const runStatusFilter = z.enum(RUN_STATUSES);

/** Prefix match on the alert key; an empty string means no filter. */
const alertKeyPrefix = z.string().max(500).optional();

export const listRunsInput = z.object({
  flowId: z.string().uuid().optional(),
  status: runStatusFilter.optional(),
  alertKey: alertKeyPrefix,
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
  flowId: z.string().uuid().optional(),
  alertKey: alertKeyPrefix,
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
