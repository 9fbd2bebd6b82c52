import type { Db } from "~/db/client";
import { createDeliver, createDeliverFirstAttempt, type MessageSender } from "./deliver";
import { createResend } from "./resend";
import { createOpenRun, createUpdateRun } from "./run-records";
import { createTakeInboxEvents } from "./incident-inbox";
import { createAdoptOpening } from "./adopt-opening";

export interface ActivityDeps {
  db: Db;
  send: MessageSender;
  now: () => Date;
  /** Randomness for retry jitter; injectable so tests can pin it. */
  random: () => number;
}

/** Activities get their dependencies here, so tests can pass fakes and the worker real ones. */
export function createActivities(deps: ActivityDeps) {
  return {
    openRun: createOpenRun(deps),
    updateRun: createUpdateRun(deps),
    deliver: createDeliver(deps),
    deliverFirstAttempt: createDeliverFirstAttempt(deps),
    resendDelivery: createResend(deps),
    takeInboxEvents: createTakeInboxEvents(deps),
    adoptOpening: createAdoptOpening(deps),
  };
}
