import { z } from "zod";
import { alertStatusSchema } from "./alert";

/** What the alert endpoint did with one alert of a request; its 202 lists one per alert. */
export const acceptedAlertSchema = z.object({
  alertKey: z.string(),
  status: alertStatusSchema,
  workflowId: z.string(),
  /** The Temporal run that got the event; null when it went to the incident's inbox or an Ok found no open incident. */
  runId: z.string().nullable(),
  /** `queued`: committed to the open incident's inbox, which its workflow drains in batches. */
  outcome: z.enum(["signaled", "queued", "no_open_incident"]),
});
export type AcceptedAlert = z.infer<typeof acceptedAlertSchema>;

/**
 * The alerts of a request that reached their incidents before the request failed, by their place
 * among the request's alerts (null: not dispatched). A retry of the same body dispatches only the rest.
 */
export const dispatchProgressSchema = z.array(acceptedAlertSchema.nullable());
export type DispatchProgress = z.infer<typeof dispatchProgressSchema>;
