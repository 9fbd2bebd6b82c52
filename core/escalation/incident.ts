import type { FlowPlan } from "../flow/plan";
import { nextDueAt } from "./escalation-clock";
import { firedLevel, type EscalationState } from "./escalation-state";
import type { RunStatus } from "./run-status";

/** The run statuses the workflow itself moves through. */
export type EscalationPhase = Exclude<RunStatus, "failed">;

/** One incident as the reducer sees it: the carried clock state plus how it is ending, if it is. */
export interface Incident {
  state: EscalationState;
  phase: EscalationPhase;
  /** When the Ok arrived. Alert events after it belong to the next incident. */
  recoveredAtMs: number | null;
  /** An operator asked to end the incident; the first request wins. */
  stopRequested: "resolve" | "cancel" | null;
  /** Set when the incident finishes as resolved: the Ok's time, or the operator's. */
  resolvedAtMs: number | null;
}

/** A new incident, or one continued as new with the state it carried. */
export function incidentFrom(state: EscalationState): Incident {
  return {
    state,
    phase: state.acknowledged ? "acknowledged" : "escalating",
    recoveredAtMs: null,
    stopRequested: null,
    resolvedAtMs: null,
  };
}

/** No more levels or reminders: the loop stops waiting and finishes the incident. */
export const isEnding = (incident: Incident): boolean =>
  incident.recoveredAtMs !== null || incident.stopRequested !== null;

/**
 * How long to sleep until time alone changes something, or null when only an event can. At
 * least a millisecond: a timer never fires in the past.
 */
export function wakeDelayMs(plan: FlowPlan, incident: Incident, nowMs: number): number | null {
  const due = incident.state.acknowledged ? null : nextDueAt(plan, incident.state);
  return due === null ? null : Math.max(1, due - nowMs);
}

export const firedLevelNumbers = (plan: FlowPlan, incident: Incident): number[] =>
  plan.levels.filter((l) => firedLevel(incident.state, l.nodeId)).map((l) => l.level);
