import { proxyActivities, proxyLocalActivities } from "@temporalio/workflow";
import { deliveryRetryPolicy } from "../core/delivery/retry-policy";
import type { createActivities } from "../worker/activities/create-activities";
import { inOrder } from "./local-activity-order";

type Activities = ReturnType<typeof createActivities>;

/** See core/delivery/retry-policy.ts; the activity sets each wait itself (nextRetryDelay). */
export const { deliver } = proxyActivities<Pick<Activities, "deliver">>({
  startToCloseTimeout: deliveryRetryPolicy.attemptTimeoutMs,
  retry: {
    maximumAttempts: deliveryRetryPolicy.activityMaxAttempts,
    initialInterval: deliveryRetryPolicy.initialIntervalMs,
    maximumInterval: deliveryRetryPolicy.maxIntervalMs,
  },
});

/**
 * A message's first attempt rides on the workflow task (no round trip through Temporal before
 * the send). One try: what fails here goes on as the regular activity above, with its retries.
 */
const firstAttempt = proxyLocalActivities<Pick<Activities, "deliverFirstAttempt">>({
  startToCloseTimeout: deliveryRetryPolicy.attemptTimeoutMs,
  retry: { maximumAttempts: 1 },
});
export const deliverFirstAttempt = inOrder(firstAttempt.deliverFirstAttempt);

/**
 * Run bookkeeping is local: it rides on the workflow task instead of costing a round trip. It is
 * retried without limit: giving up would fail the workflow and end the incident, while waiting
 * out a database outage only delays the run's record (deliveries need the database too).
 */
const bookkeeping = proxyLocalActivities<
  Pick<Activities, "openRun" | "updateRun" | "takeInboxEvents" | "adoptOpening">
>({
  startToCloseTimeout: "10 seconds",
  retry: { maximumInterval: "10 seconds" },
});
export const openRun = inOrder(bookkeeping.openRun);
export const updateRun = inOrder(bookkeeping.updateRun);
export const takeInboxEvents = inOrder(bookkeeping.takeInboxEvents);
export const adoptOpening = inOrder(bookkeeping.adoptOpening);

/**
 * A re-send is one attempt, by request: a person clicked, and clicks again if it fails. Its own
 * timeout leaves room for the sender's rate-limit wait and the request.
 */
export const { resendDelivery } = proxyActivities<Pick<Activities, "resendDelivery">>({
  startToCloseTimeout: deliveryRetryPolicy.attemptTimeoutMs,
  retry: { maximumAttempts: 1 },
});
