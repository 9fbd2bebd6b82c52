import { proxyActivities, proxyLocalActivities } from "@temporalio/workflow";
import type { createActivities } from "../worker/activities/create-activities";

type Activities = ReturnType<typeof createActivities>;

export const DELIVERY_MAX_ATTEMPTS = 6;

export const { deliver } = proxyActivities<Pick<Activities, "deliver">>({
  startToCloseTimeout: "30 seconds",
  // Backoff with jitter and Retry-After is computed by the activity (nextRetryDelay).
  retry: { maximumAttempts: DELIVERY_MAX_ATTEMPTS, initialInterval: "1 second", maximumInterval: "5 minutes" },
});

/** Run bookkeeping is local: it rides on the workflow task instead of costing a round trip. */
export const { openRun, updateRun } = proxyLocalActivities<Pick<Activities, "openRun" | "updateRun">>({
  startToCloseTimeout: "10 seconds",
  retry: { maximumAttempts: 20, maximumInterval: "10 seconds" },
});
