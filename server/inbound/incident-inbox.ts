import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from "@temporalio/client";
import { sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { executePrepared } from "~/db/prepared-query";
import {
  alertEventSignal,
  INCIDENT_WORKFLOW,
  inboxPokeSignal,
  type AlertEvent,
  type EscalationInput,
  type InboxPoke,
} from "~/workflows/messages";
import { TemporalUnavailableError, withTemporalDeadline } from "./temporal-deadline";
import { inboxGroupCommitFor, type Appended } from "./inbox-group-commit";
import { startWithBuildIds } from "~/server/temporal-build-id";

export type { Appended } from "./inbox-group-commit";

/**
 * Commits an alert event to the inbox of the incident open under `workflowId`, if there is one;
 * null when none is open (the caller then reaches the workflow through Temporal). Resolves once
 * committed: the appends of requests that arrive together share one statement and one commit
 * (inbox-group-commit.ts), which takes the inbox row's lock: `seq` follows commit order, and the
 * drain, which clears `poked_at` under the same lock, either reads the event or is poked again.
 */
export async function appendToOpenInbox(db: Db, workflowId: string, event: AlertEvent): Promise<Appended | null> {
  return inboxGroupCommitFor(db).append({ workflowId, event });
}

/**
 * Tells the workflow its inbox has events. The endpoint does not wait for it: the event is already
 * committed, so the 202 stands whatever happens here. A poke lost to a Temporal outage or a crash
 * is sent again by the worker's re-poke job (the inbox stays marked poked until drained).
 *
 * A poke an append owes is urgent: it found the inbox unmarked (the workflow is not pacing its
 * drains, so it drains at once anyway) or it carries an Ok, which a busy incident applies at once
 * instead of at its next paced drain. The re-poke job's are not: they stand for pokes lost or
 * queued, and do not hurry a paced drain.
 */
export async function pokeIncident(
  deps: { db: Db; temporal: Client },
  workflowId: string,
  inboxId: string,
  poke: InboxPoke = { urgent: true },
): Promise<"poked" | "failed"> {
  try {
    await withTemporalDeadline(deps.temporal, () =>
      deps.temporal.workflow.getHandle(workflowId).signal(inboxPokeSignal, poke),
    );
    return "poked";
  } catch (error) {
    // The workflow ended without closing its inbox (terminated by hand): later events start anew.
    // Never rejects: the endpoint does not await this, and an unhandled rejection ends the process.
    if (error instanceof WorkflowNotFoundError) {
      // Not an inbox whose workflow is yet to start (the endpoint opened it a moment ago).
      await deps.db
        .execute(
          sql`update incident_inboxes set closed_at = now() where id = ${inboxId} and closed_at is null and start_input is null`,
        )
        .catch((closeError: unknown) =>
          console.warn(`inbound: orphan inbox ${inboxId} not closed (${String(closeError)})`),
        );
      return "failed";
    }
    console.warn(`inbound: poke for ${workflowId} not sent (${String(error)}); the re-poke job sends it again`);
    return "failed";
  }
}

/** How long a poke may go unanswered (no drain) before it is sent again. */
export const REPOKE_AFTER_SECONDS = 5;

/**
 * Sends the pokes that went unanswered: lost with a crashed web process or to a Temporal outage
 * (or merely queued behind a busy worker, where a second poke costs one empty drain). Marks them
 * sent again first, so concurrent workers share the work and a dead inbox is not hammered.
 */
export async function repokeStaleInboxes(deps: { db: Db; temporal: Client }, limit = 100): Promise<number> {
  const stale = await deps.db.execute<{ id: string; workflow_id: string }>(sql`
    update incident_inboxes set poked_at = clock_timestamp()
    where id in (
      select id from incident_inboxes
      where poked_at < now() - make_interval(secs => ${REPOKE_AFTER_SECONDS}) and closed_at is null
        and start_input is null
      order by poked_at limit ${limit}
      for update skip locked
    )
    returning id, workflow_id`);
  const outcomes = await Promise.all(stale.rows.map((row) => pokeIncident(deps, row.workflow_id, row.id, {})));
  return outcomes.filter((o) => o === "poked").length;
}

/**
 * Starts the workflow of an incident the endpoint opened in Postgres (see first-message.ts), then
 * clears the input kept for the re-start job. Temporal may still run this workflow id: the
 * previous incident of the alert key, ending (its inbox closed, its Ok going out). That run is
 * handed the event with the new run id, and opens this incident as it continues; a run that is
 * this incident already ignores it. Returns the Temporal run id when this call started it.
 */
export async function startOpenedIncident(
  deps: { db: Db; temporal: Client; taskQueue: string },
  workflowId: string,
  input: EscalationInput,
): Promise<string | null> {
  let started: string | null = null;
  for (let tries = 0; ; tries++) {
    try {
      const handle = await withTemporalDeadline(deps.temporal, () =>
        startWithBuildIds((buildIds) =>
          // The type with every patch built in: its first task records no patch marker.
          deps.temporal.workflow.start(INCIDENT_WORKFLOW, {
            workflowId,
            taskQueue: deps.taskQueue,
            args: [input],
            memo: { [INCIDENT_MEMO]: input.runId },
            ...buildIds,
          }),
        ),
      );
      started = handle.firstExecutionRunId;
      break;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    // This incident's own workflow, started by an earlier try whose answer was lost (a deadline,
    // a dead web process): it needs no opening event, whether or not a worker has run it yet.
    if (await isThisIncident(deps.temporal, workflowId, input.runId)) break;
    try {
      const opening: AlertEvent = { ...input.firstEvent, opensRunId: input.runId };
      await withTemporalDeadline(deps.temporal, () =>
        deps.temporal.workflow.getHandle(workflowId).signal(alertEventSignal, opening),
      );
      break;
    } catch (error) {
      // It ended between the two calls: start again.
      if (!(error instanceof WorkflowNotFoundError) || tries >= 3) throw error;
    }
  }
  // Events appended while the start was pending marked the inbox poked without poking: a drain
  // that ran before them (the workflow drains as it starts) left them waiting. Poked here rather
  // than by the re-poke job seconds later; if the drain was yet to come, it costs an empty drain.
  const [cleared] = await executePrepared<{ owed: boolean }>(
    deps.db,
    sql`update incident_inboxes set start_input = null where id = ${input.runId} and start_input is not null
      returning poked_at is not null as owed`,
  );
  if (cleared?.owed) await pokeIncident(deps, workflowId, input.runId);
  return started;
}

/** The Temporal memo field naming the incident (run id) a workflow execution was started for. */
const INCIDENT_MEMO = "incidentRunId";

/** Whether the execution running under `workflowId` was started for the incident `runId`. */
async function isThisIncident(temporal: Client, workflowId: string, runId: string): Promise<boolean> {
  try {
    const description = await withTemporalDeadline(temporal, () => temporal.workflow.getHandle(workflowId).describe());
    return description.status.name === "RUNNING" && description.memo?.[INCIDENT_MEMO] === runId;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

/** How long an opened incident may wait for its workflow before the re-start job starts it. */
export const RESTART_AFTER_SECONDS = 5;

/** How long a row the re-start job took is left alone before it is tried again. */
export const RESTART_RETRY_SECONDS = 5;

export interface RestartScope {
  /** At most this many incidents per pass. */
  limit?: number;
  /** Only these incidents' workflows; the integration tests share one database with other files' incidents. */
  workflowIds?: readonly string[];
}

export interface RestartPass {
  started: number;
  /** Temporal did not answer: the rows not tried are taken again on a later pass. */
  temporalUnavailable: boolean;
}

/**
 * Starts the workflows of incidents the endpoint opened but did not get started: its process
 * died between the commit and the start, or Temporal was down. The first message went out (or
 * its lease runs out and the workflow sends it); the workflow owns the rest of the incident.
 *
 * Each row is taken (marked tried) before Temporal is asked, so the worker processes running this
 * share the rows instead of each starting, then signalling, the same incident; a row whose try
 * failed waits a few seconds before the next. Quiet while Temporal is down: the caller says so once.
 */
export async function restartOpenedIncidents(
  deps: { db: Db; temporal: Client; taskQueue: string },
  options: RestartScope = {},
): Promise<RestartPass> {
  const { limit = 100, workflowIds } = options;
  if (workflowIds?.length === 0) return { started: 0, temporalUnavailable: false };
  const scope = workflowIds
    ? sql`and workflow_id in (${sql.join(
        workflowIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  const waiting = await deps.db.execute<{ id: string; workflow_id: string; start_input: EscalationInput }>(sql`
    update incident_inboxes set start_tried_at = clock_timestamp()
    where id in (
      select id from incident_inboxes
      where start_input is not null and closed_at is null
        and created_at < now() - make_interval(secs => ${RESTART_AFTER_SECONDS})
        and (start_tried_at is null or start_tried_at < now() - make_interval(secs => ${RESTART_RETRY_SECONDS}))
        ${scope}
      order by created_at limit ${limit}
      for update skip locked
    )
    returning id, workflow_id, start_input`);
  let started = 0;
  for (const row of waiting.rows) {
    try {
      await startOpenedIncident(deps, row.workflow_id, row.start_input);
      started++;
    } catch (error) {
      // The rows not reached keep their mark too: taken again a few seconds later.
      if (error instanceof TemporalUnavailableError) return { started, temporalUnavailable: true };
      console.warn(`inbound: incident ${row.workflow_id} not started yet (${String(error)}); tried again shortly`);
    }
  }
  return { started, temporalUnavailable: false };
}
