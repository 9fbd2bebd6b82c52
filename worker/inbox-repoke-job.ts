import type { Client } from "@temporalio/client";
import type { Db } from "~/db/client";
import { isConnectionError } from "~/db/connection-retry";
import { repokeStaleInboxes, restartOpenedIncidents } from "~/server/inbound/incident-inbox";

/**
 * Every few seconds, in each worker process: the pokes of incident inboxes that went unanswered
 * are sent again. An event committed to an inbox was answered 202; this is what makes sure its
 * workflow hears of it even when the poke after the commit was lost (web process killed, Temporal
 * down). Runs on Postgres and Temporal only, like the workflows it serves.
 */
export function startInboxRepokeJob(
  deps: { db: Db; temporal: Client; taskQueue: string },
  { everyMs = 2_500 } = {},
): () => void {
  let running = false;
  let temporalWasUnavailable = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      // Incidents the endpoint opened whose workflow it could not start (it died, or Temporal
      // was down): started here, so the first message it sent is followed by the escalation.
      const { started, temporalUnavailable } = await restartOpenedIncidents(deps);
      if (started > 0) console.log(`inbox: started ${started} incident(s) the alert endpoint opened`);
      // Once per outage, not once per pass: said again only after a start got through.
      if (temporalUnavailable && !temporalWasUnavailable) {
        console.warn("inbox: Temporal is unavailable; opened incidents are started once it answers");
      }
      if (temporalUnavailable) temporalWasUnavailable = true;
      else if (started > 0) temporalWasUnavailable = false;
      const poked = await repokeStaleInboxes(deps);
      if (poked > 0) console.log(`inbox: poked ${poked} incident(s) again whose poke went unanswered`);
    } catch (error) {
      const reason = isConnectionError(error) ? "database unreachable" : String(error);
      console.warn(`inbox: re-poke pass failed (${reason})`);
    } finally {
      running = false;
    }
  };
  const every = setInterval(() => void pass(), everyMs);
  every.unref();
  return () => clearInterval(every);
}
