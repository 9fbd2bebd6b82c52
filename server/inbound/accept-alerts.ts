import type { Client } from "@temporalio/client";
import { WorkflowNotFoundError } from "@temporalio/client";
import { randomUUID } from "node:crypto";
import type { NormalizedAlert } from "~/core/alerts/alert";
import type { AcceptedAlert, DispatchProgress } from "~/core/alerts/accepted-alert";
import { resolveAlertKey } from "~/core/alerts/alert-key";
import { filterAlerts } from "./filter-alerts";
import { workflowIdFor } from "./incident-id";
import { parseInbound } from "~/core/alerts/parse-inbound";
import { alertEventSignal, INCIDENT_WORKFLOW, type EscalationInput } from "~/workflows/messages";
import type { EndpointTarget } from "./endpoint-lookup";
import { withTemporalDeadline } from "./temporal-deadline";
import { appendToOpenInbox, pokeIncident } from "./incident-inbox";
import { backgroundStartsFor, type BackgroundStarts } from "./background-start";
import type { IncidentOpener } from "./incident-opener";
import type { Db } from "~/db/client";
import { markIngress } from "./ingress-timing";
import { recentlyOpenFor } from "./recently-open";
import { startWithBuildIds } from "~/server/temporal-build-id";

/**
 * Some alerts of a request reached their incidents, then another failed (Temporal or the
 * database unavailable): `progress` says which went, for the request's retry to skip them.
 */
export class PartlyDispatchedError extends Error {
  constructor(
    readonly progress: DispatchProgress,
    readonly reason: unknown,
  ) {
    super("Some alerts of the request reached their incidents before another failed", { cause: reason });
    this.name = "PartlyDispatchedError";
  }
}

type DispatchDeps = {
  db: Db;
  temporal: Client;
  taskQueue: string;
  now: () => Date;
  /** Opens new incidents here and sends their first messages at once; absent: the workflow sends them. */
  opener?: IncidentOpener;
  /** Where opened incidents' workflow starts queue; absent: one queue per Temporal client. */
  starts?: BackgroundStarts;
};

export type AcceptResult =
  | {
      kind: "accepted";
      accepted: AcceptedAlert[];
      filteredOut: number;
      /** Alerts that would open or feed an incident of a flow that only closes incidents now. */
      refused: number;
    }
  | { kind: "invalid"; issues: { path: string; message: string }[] };

/**
 * Validates, normalizes and filters an inbound body, then hands each alert to its incident. With
 * `closeOnly` (an archived or disabled flow) only Ok alerts go on, to close incidents already open.
 * `earlier`: what an earlier attempt at the same body dispatched before it failed; those alerts
 * are not dispatched again. When some alerts go and another fails, throws PartlyDispatchedError.
 */
export async function acceptAlerts(
  deps: DispatchDeps,
  target: EndpointTarget,
  body: unknown,
  { closeOnly = false, earlier }: { closeOnly?: boolean; earlier?: DispatchProgress } = {},
): Promise<AcceptResult> {
  const parsed = parseInbound(target.plan.trigger.format, body, deps.now());
  if (!parsed.ok) return { kind: "invalid", issues: parsed.issues };

  const wanted = await filterAlerts(parsed.alerts, target.plan.trigger.filters);
  const passing = closeOnly ? wanted.filter((alert) => alert.status === "ok") : wanted;
  // Every alert is given its chance before the request fails, so the progress is complete.
  const settled = await Promise.allSettled(
    passing.map((alert, index) => {
      const done = earlier?.[index];
      return done ? Promise.resolve(done) : dispatch(deps, target, alert);
    }),
  );
  const accepted: AcceptedAlert[] = [];
  let failure: { reason: unknown } | undefined;
  for (const outcome of settled) {
    if (outcome.status === "fulfilled") accepted.push(outcome.value);
    else failure ??= outcome;
  }
  if (failure) {
    if (accepted.length === 0) throw failure.reason;
    const progress = settled.map((outcome) => (outcome.status === "fulfilled" ? outcome.value : null));
    throw new PartlyDispatchedError(progress, failure.reason);
  }
  return {
    kind: "accepted",
    accepted,
    filteredOut: parsed.alerts.length - wanted.length,
    refused: wanted.length - passing.length,
  };
}

async function dispatch(deps: DispatchDeps, target: EndpointTarget, alert: NormalizedAlert): Promise<AcceptedAlert> {
  const alertKey = resolveAlertKey(alert, target.plan.trigger.alertKey);
  const workflowId = workflowIdFor(target.flowId, alertKey);
  const event = { alert: { ...alert, key: alertKey }, receivedAt: deps.now().toISOString() };

  const open = recentlyOpenFor(deps.db);
  // An error for a key this process has not seen open goes to the claim first (a new incident's
  // look for its inbox would find none): the claim's unique index on the open inbox decides, and
  // a lost claim appends below. Oks never open an incident, so they always look first.
  const claimFirst = deps.opener !== undefined && alert.status !== "ok" && !open.has(workflowId);
  if (!claimFirst) {
    // An open incident takes the event into its Postgres inbox: committed before the 202, so it is
    // as safe as a Temporal signal, without one per event. Only the append that finds the inbox
    // unpoked pokes the workflow, which then drains everything waiting in one local activity.
    const queued = await appendToOpenInbox(deps.db, workflowId, event);
    markIngress("inboxLook");
    if (queued) {
      open.add(workflowId);
      if (queued.poke) void pokeIncident(deps, workflowId, queued.inboxId);
      return { alertKey, status: alert.status, workflowId, runId: null, outcome: "queued" };
    }
    open.delete(workflowId);
  }

  if (alert.status === "ok") {
    // An Ok never opens an incident; with none open there is nothing to clear.
    try {
      await withTemporalDeadline(deps.temporal, () =>
        deps.temporal.workflow.getHandle(workflowId).signal(alertEventSignal, event),
      );
      return { alertKey, status: alert.status, workflowId, runId: null, outcome: "signaled" };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) {
        return { alertKey, status: alert.status, workflowId, runId: null, outcome: "no_open_incident" };
      }
      throw err;
    }
  }

  const input: EscalationInput = {
    runId: randomUUID(),
    workspaceId: target.workspaceId,
    flowId: target.flowId,
    flowName: target.flowName,
    flowVersionId: target.flowVersionId,
    alertKey,
    plan: target.plan,
    firstEvent: event,
  };
  if (deps.opener) {
    // A claim that lost or found the incident ended rolled its run back: the id can be used below.
    const opened = await openAtIngress(deps, deps.opener, workflowId, {
      ...input,
      pendingEvents: [event],
      openedAtIngress: true,
    });
    if (opened) return { alertKey, status: alert.status, ...opened };
  }

  // The type with every patch built in, as for incidents opened above: no patch markers in its
  // first task. A running incident of the older type (same workflow id) just takes the signal.
  const handle = await withTemporalDeadline(deps.temporal, () =>
    startWithBuildIds((buildIds) =>
      deps.temporal.workflow.signalWithStart(INCIDENT_WORKFLOW, {
        workflowId,
        taskQueue: deps.taskQueue,
        args: [input],
        signal: alertEventSignal,
        signalArgs: [event],
        ...buildIds,
      }),
    ),
  );
  return { alertKey, status: alert.status, workflowId, runId: handle.signaledRunId, outcome: "signaled" };
}

/**
 * A new incident opened here rather than by Temporal: claimed in Postgres (one request wins),
 * its first messages sent at once under a lease, its workflow started after the answer. The
 * claim's commit is what makes the alert durable: its row holds the workflow's whole input, so
 * the 202 does not wait for Temporal. The start runs in the background (tried again while
 * Temporal does not answer); if this process dies first, the worker's re-start job starts it.
 * Null when the incident opened and ended between this request's two looks (it then goes through
 * Temporal as before).
 */
async function openAtIngress(
  deps: DispatchDeps,
  opener: IncidentOpener,
  workflowId: string,
  input: EscalationInput,
): Promise<Pick<AcceptedAlert, "workflowId" | "runId" | "outcome"> | null> {
  const claimed = await opener.claim(workflowId, input);
  markIngress("claim");
  const open = recentlyOpenFor(deps.db);
  if (!claimed) {
    // Another request (or another process) opened it: this error joins it, like any later one.
    const queued = await appendToOpenInbox(deps.db, workflowId, input.firstEvent);
    if (!queued) return null;
    open.add(workflowId);
    if (queued.poke) void pokeIncident(deps, workflowId, queued.inboxId);
    return { workflowId, runId: null, outcome: "queued" };
  }
  open.add(workflowId);
  // Neither is awaited: the 202 waits for no receiver and no Temporal; answers are recorded as they come.
  // The start is queued at once, not after the sends: until it runs, the run row exists with no
  // workflow to take an acknowledgement, a resolve or a query, and a receiver may act on the
  // message (its acknowledge link) as soon as it arrives.
  void claimed.sendAll();
  (deps.starts ?? backgroundStartsFor(deps.temporal)).start(deps, workflowId, input);
  return { workflowId, runId: null, outcome: "opened" };
}
