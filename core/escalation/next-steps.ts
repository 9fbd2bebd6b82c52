import type { NormalizedAlert } from "../alerts/alert";
import type { FlowPlan } from "../flow/plan";
import { nextDueAt } from "./escalation-clock";
import { reduceIncident } from "./escalation-reducer";
import { firedLevel, type FiredLevel } from "./escalation-state";
import type { EscalationPhase, Incident } from "./incident";
import type { RunEventBody } from "./run-event";
import { ownEntry, putOwn } from "../own-entry";

/** A message the engine will send at `atMs` unless the incident is acknowledged or ends first. */
export interface NextStep {
  atMs: number;
  level: number;
  nodeId: string;
  messageType: "error" | "reminder";
  /** 0 for a level's Error message; n for the nth reminder. */
  reminderNumber: number;
  reminderCount: number;
}

/** A count-mode level that fires on its Nth error, not at a time. */
export interface WaitingLevel {
  level: number;
  nodeId: string;
  errorsNeeded: number;
  errorsSoFar: number;
}

export interface Upcoming {
  steps: NextStep[];
  waiting: WaitingLevel[];
}

/** A stored event with its time, as the run history reads it back. */
export interface TimedRunEvent {
  atMs: number;
  event: RunEventBody;
}

/**
 * Rebuilds the reducer's view of an incident from its recorded timeline: the same facts the
 * workflow carries (first error, errors counted, levels fired and when, reminders sent,
 * acknowledged, how it is ending), so the history can ask the engine's own rules what comes next.
 */
export function incidentFromEvents(
  firstErrorAtMs: number,
  lastAlert: NormalizedAlert,
  phase: EscalationPhase,
  events: readonly TimedRunEvent[],
  errorCount = events.filter((e) => e.event.type === "alert.error").length,
): Incident {
  const fired: Record<string, FiredLevel> = {};
  let currentLevel = 0;
  let acknowledged = phase === "acknowledged";
  let recoveredAtMs: number | null = null;
  let stopRequested: Incident["stopRequested"] = null;
  for (const { atMs, event } of events) {
    switch (event.type) {
      case "level.fired":
        if (!ownEntry(fired, event.nodeId)) putOwn(fired, event.nodeId, { firedAtMs: atMs, remindersSent: 0 });
        currentLevel = Math.max(currentLevel, event.level);
        break;
      case "reminder.due": {
        const level = ownEntry(fired, event.nodeId);
        if (level) level.remindersSent = Math.max(level.remindersSent, event.detail.reminderNumber);
        break;
      }
      case "acknowledged":
        acknowledged = true;
        break;
      case "alert.ok":
        recoveredAtMs ??= atMs;
        break;
      case "resolve.requested":
        stopRequested ??= "resolve";
        break;
      case "cancel.requested":
        stopRequested ??= "cancel";
        break;
      default:
        break;
    }
  }
  return {
    state: { firstErrorAtMs, errorCount, fired, acknowledged, currentLevel, lastAlert },
    phase: acknowledged && phase === "escalating" ? "acknowledged" : phase,
    recoveredAtMs,
    stopRequested,
    resolvedAtMs: null,
  };
}

/**
 * What the engine will send next if nothing else happens, found by driving the same reducer the
 * workflow runs with ticks at the clock's own wake-up times. A step already overdue (the worker
 * is behind) keeps its due time, so the page can say so.
 */
export function upcomingSteps(plan: FlowPlan, incident: Incident, limit = 3): Upcoming {
  const waiting: WaitingLevel[] = [];
  const steps: NextStep[] = [];
  if (incident.phase !== "escalating" || incident.recoveredAtMs !== null || incident.stopRequested !== null) {
    return { steps, waiting };
  }
  for (const level of plan.levels) {
    if (level.mode === "count" && !firedLevel(incident.state, level.nodeId)) {
      waiting.push({
        level: level.level,
        nodeId: level.nodeId,
        errorsNeeded: level.errorCount,
        errorsSoFar: incident.state.errorCount,
      });
    }
  }
  let current = incident;
  while (steps.length < limit) {
    const due = current.state.acknowledged ? null : nextDueAt(plan, current.state);
    if (due === null) break;
    const reduced = reduceIncident(plan, current, { type: "tick", atMs: due });
    for (const command of reduced.commands) {
      if (command.kind !== "send" || command.messageType === "ok") continue;
      steps.push({
        atMs: due,
        level: command.level.level,
        nodeId: command.level.nodeId,
        messageType: command.messageType,
        reminderNumber: command.reminderNumber,
        reminderCount: command.level.reminderCount,
      });
    }
    current = reduced.incident;
  }
  return { steps: steps.slice(0, limit), waiting };
}
