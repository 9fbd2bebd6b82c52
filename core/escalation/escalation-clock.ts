import type { FlowPlan, PlanLevel } from "../flow/plan";
import { firedLevel, type EscalationState } from "./escalation-state";

/**
 * Pure timing rules of an incident, shared by the workflow. Every level measures from the
 * incident's first error; reminders count from the moment their level fired.
 */
export function levelConditionHolds(level: PlanLevel, state: EscalationState, nowMs: number): boolean {
  if (level.mode === "count") return state.errorCount >= level.errorCount;
  return nowMs - state.firstErrorAtMs >= level.afterSeconds * 1000;
}

export function dueLevelFirings(plan: FlowPlan, state: EscalationState, nowMs: number): PlanLevel[] {
  return plan.levels.filter((l) => !firedLevel(state, l.nodeId) && levelConditionHolds(l, state, nowMs));
}

export interface DueReminder {
  level: PlanLevel;
  reminderNumber: number;
}

export function dueReminders(plan: FlowPlan, state: EscalationState, nowMs: number): DueReminder[] {
  const due: DueReminder[] = [];
  for (const level of plan.levels) {
    const fired = firedLevel(state, level.nodeId);
    if (!fired) continue;
    for (let n = fired.remindersSent + 1; n <= level.reminderCount; n++) {
      if (fired.firedAtMs + n * level.reminderEverySeconds * 1000 > nowMs) break;
      due.push({ level, reminderNumber: n });
    }
  }
  return due;
}

/** The next moment a timer must wake the workflow, or null when only an event can. */
export function nextDueAt(plan: FlowPlan, state: EscalationState): number | null {
  let next: number | null = null;
  const consider = (t: number) => {
    next = next === null ? t : Math.min(next, t);
  };
  for (const level of plan.levels) {
    const fired = firedLevel(state, level.nodeId);
    if (!fired) {
      if (level.mode === "duration") consider(state.firstErrorAtMs + level.afterSeconds * 1000);
      continue;
    }
    if (fired.remindersSent < level.reminderCount) {
      consider(fired.firedAtMs + (fired.remindersSent + 1) * level.reminderEverySeconds * 1000);
    }
  }
  return next;
}
