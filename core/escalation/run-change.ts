import { z } from "zod";
import { RUN_STATUSES } from "./run-status";

/**
 * What the live stream tells a browser about a change: ids, status and level, nothing from the
 * alert. `runId` null means "many runs changed, or changes may have been missed": refetch
 * everything shown.
 */
export const runChangeSchema = z.strictObject({
  runId: z.string().uuid().nullable(),
  status: z.enum(RUN_STATUSES).nullable(),
  level: z.number().int().nullable(),
});
export type RunChange = z.infer<typeof runChangeSchema>;

/** The stream's endpoint (app/api/runs/events). */
export const RUN_EVENTS_PATH = "/api/runs/events";
