import { nextDueAt } from "../core/escalation/escalation-clock";
import { reduceIncident } from "../core/escalation/escalation-reducer";
import type { Incident } from "../core/escalation/incident";
import type { DuePlan } from "../worker/activities/types";
import { sendsOf } from "./deliver-input";
import type { EscalationInput } from "./messages";

/**
 * What the incident sends at its next due moment if no event comes first: the reducer ticked at
 * that moment, as the workflow's timer will tick it. Null while only an event can make it send
 * (acknowledged, stopping, recovered, or no timed level or reminder left).
 */
export function duePlanOf(
  input: Pick<EscalationInput, "runId" | "workspaceId" | "flowId" | "flowName" | "alertKey" | "plan">,
  incident: Incident,
  basisSeq: number,
): DuePlan | null {
  // The reducer's tick sends nothing for an incident acknowledged, stopping or recovered.
  const dueAtMs = nextDueAt(input.plan, incident.state);
  if (dueAtMs === null) return null;
  const messages = sendsOf(input, reduceIncident(input.plan, incident, { type: "tick", atMs: dueAtMs }));
  return messages.length === 0 ? null : { dueAtMs, basisSeq, messages };
}
