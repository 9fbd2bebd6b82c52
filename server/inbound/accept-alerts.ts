import type { Client } from "@temporalio/client";
import { WorkflowNotFoundError } from "@temporalio/client";
import { randomUUID } from "node:crypto";
import type { NormalizedAlert } from "~/core/alerts/alert";
import { resolveAlertKey } from "~/core/alerts/alert-key";
import { filterAlerts } from "./filter-alerts";
import { workflowIdFor } from "./incident-id";
import { parseInbound } from "~/core/alerts/parse-inbound";
import { alertEventSignal, ESCALATION_WORKFLOW, type EscalationInput } from "~/workflows/messages";
import type { EndpointTarget } from "./endpoint-lookup";
import { withTemporalDeadline } from "./temporal-deadline";
import { appendToOpenInbox, pokeIncident } from "./incident-inbox";
import type { Db } from "~/db/client";

export interface AcceptedAlert {
  alertKey: string;
  status: NormalizedAlert["status"];
  workflowId: string;
  /** The Temporal run that got the event; null when it went to the incident's inbox or an Ok found no open incident. */
  runId: string | null;
  /** `queued`: committed to the open incident's inbox, which its workflow drains in batches. */
  outcome: "signaled" | "queued" | "no_open_incident";
}

type DispatchDeps = { db: Db; temporal: Client; taskQueue: string; now: () => Date };

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
 */
export async function acceptAlerts(
  deps: DispatchDeps,
  target: EndpointTarget,
  body: unknown,
  { closeOnly = false }: { closeOnly?: boolean } = {},
): Promise<AcceptResult> {
  const parsed = parseInbound(target.plan.trigger.format, body, deps.now());
  if (!parsed.ok) return { kind: "invalid", issues: parsed.issues };

  const wanted = await filterAlerts(parsed.alerts, target.plan.trigger.filters);
  const passing = closeOnly ? wanted.filter((alert) => alert.status === "ok") : wanted;
  const accepted = await Promise.all(passing.map((alert) => dispatch(deps, target, alert)));
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

  // An open incident takes the event into its Postgres inbox: committed before the 202, so it is
  // as safe as a Temporal signal, without one per event. Only the append that finds the inbox
  // unpoked pokes the workflow, which then drains everything waiting in one local activity.
  const queued = await appendToOpenInbox(deps.db, workflowId, event);
  if (queued) {
    if (queued.poke) void pokeIncident(deps, workflowId, queued.inboxId);
    return { alertKey, status: alert.status, workflowId, runId: null, outcome: "queued" };
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
  const handle = await withTemporalDeadline(deps.temporal, () =>
    deps.temporal.workflow.signalWithStart(ESCALATION_WORKFLOW, {
      workflowId,
      taskQueue: deps.taskQueue,
      args: [input],
      signal: alertEventSignal,
      signalArgs: [event],
    }),
  );
  return { alertKey, status: alert.status, workflowId, runId: handle.signaledRunId, outcome: "signaled" };
}
