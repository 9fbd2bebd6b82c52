import { z } from "zod";
import { alertStatusSchema } from "./alert";

/** What the alert endpoint did with one alert of a request; its 202 lists one per alert. */
export const acceptedAlertSchema = z.object({
  alertKey: z.string(),
  status: alertStatusSchema,
  workflowId: z.string(),
  /**
   * The Temporal run that an error got to (`signaled`); null otherwise: the event went to the
   * incident's inbox, opened a new incident whose workflow starts after the answer, or was an Ok
   * that found no open incident.
   */
  runId: z.string().nullable(),
  /**
   * `signaled`: Temporal took it (a workflow started or signalled). `opened`: a new incident,
   * committed in Postgres with its workflow's input; its first messages are sent and its workflow
   * started right after the answer (by the worker's re-start job if this process dies first).
   * `queued`: committed to the open incident's inbox, which its workflow drains in batches.
   */
  outcome: z.enum(["signaled", "opened", "queued", "no_open_incident"]),
});
export type AcceptedAlert = z.infer<typeof acceptedAlertSchema>;

/**
 * The alerts of a request that reached their incidents before the request failed, by their place
 * among the request's alerts (null: not dispatched). A retry of the same body dispatches only the rest.
 */
export const dispatchProgressSchema = z.array(acceptedAlertSchema.nullable());
export type DispatchProgress = z.infer<typeof dispatchProgressSchema>;
