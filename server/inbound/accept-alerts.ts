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

export interface AcceptedAlert {
  alertKey: string;
  status: NormalizedAlert["status"];
  workflowId: string;
  /** The Temporal run that got the event; null when an Ok found no open incident. */
  runId: string | null;
  outcome: "signaled" | "no_open_incident";
}

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
  deps: { temporal: Client; taskQueue: string; now: () => Date },
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

async function dispatch(
  deps: { temporal: Client; taskQueue: string; now: () => Date },
  target: EndpointTarget,
  alert: NormalizedAlert,
): Promise<AcceptedAlert> {
  const alertKey = resolveAlertKey(alert, target.plan.trigger.alertKey);
  const workflowId = workflowIdFor(target.flowId, alertKey);
  const event = { alert: { ...alert, key: alertKey }, receivedAt: deps.now().toISOString() };

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
