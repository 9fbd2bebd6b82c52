import type { NormalizedAlert } from "../alerts/alert";
import type { FlowPlan, PlanLevel } from "../flow/plan";
import type { ActionSource } from "./action-source";
import type { MessageType } from "../message-template/message-type";
import { dueLevelFirings, dueReminders } from "./escalation-clock";
import { firedLevel, type EscalationState } from "./escalation-state";
import type { Incident } from "./incident";
import type { RunEventDraft } from "./run-event";
import { putOwn } from "../own-entry";

/** What can happen to an incident. `tick` asks what is due at `atMs`; `finish` ends it. */
export type IncidentEvent =
  | { type: "alert"; alert: NormalizedAlert; receivedAt: string; atMs: number }
  | { type: "acknowledge" | "resolve" | "cancel"; by: string; note?: string; source?: ActionSource; atMs: number }
  | { type: "tick"; atMs: number }
  | { type: "finish"; atMs: number };

/** What the engine must do about it, in this order. */
export type EscalationCommand =
  | { kind: "send"; level: PlanLevel; messageType: MessageType; reminderNumber: number; resolvedAtMs?: number }
  | { kind: "record"; event: RunEventDraft };

export interface Reduced {
  incident: Incident;
  commands: EscalationCommand[];
}

const iso = (ms: number) => new Date(ms).toISOString();
const send = (level: PlanLevel, messageType: MessageType, reminderNumber: number, resolvedAtMs?: number) =>
  ({ kind: "send", level, messageType, reminderNumber, resolvedAtMs }) satisfies EscalationCommand;
const record = (event: RunEventDraft) => ({ kind: "record", event }) satisfies EscalationCommand;

/**
 * The escalation rules as a pure function: the workflow and the timing preview both drive
 * incidents through it, so the preview shows what the engine does. Time comes in with each
 * event; nothing here reads a clock.
 */
export function reduceIncident(plan: FlowPlan, incident: Incident, event: IncidentEvent): Reduced {
  switch (event.type) {
    case "alert":
      return applyAlert(incident, event);
    case "acknowledge": {
      if (incident.phase !== "escalating") return { incident, commands: [] };
      return {
        incident: { ...incident, phase: "acknowledged", state: { ...incident.state, acknowledged: true } },
        commands: [record({ type: "acknowledged", at: iso(event.atMs), detail: operator(event) })],
      };
    }
    case "resolve":
    case "cancel":
      return {
        incident: { ...incident, stopRequested: incident.stopRequested ?? event.type },
        commands: [record({ type: `${event.type}.requested`, at: iso(event.atMs), detail: operator(event) })],
      };
    case "tick":
      return tick(plan, incident, event.atMs);
    case "finish":
      return finish(plan, incident, event.atMs);
  }
}

const operator = (event: { by: string; note?: string; source?: ActionSource }) => ({
  by: event.by,
  note: event.note ?? "",
  // Histories recorded before sources existed carry none.
  ...(event.source ? { source: event.source } : {}),
});

function applyAlert(incident: Incident, event: Extract<IncidentEvent, { type: "alert" }>): Reduced {
  // The Ok closed this incident: later alerts are the next one's, the loop keeps them.
  if (incident.recoveredAtMs !== null) return { incident, commands: [] };
  const { alert } = event;
  if (alert.status === "ok") {
    return {
      incident: { ...incident, recoveredAtMs: event.atMs },
      commands: [record({ type: "alert.ok", at: iso(event.atMs), detail: { summary: alert.summary } })],
    };
  }
  const errorCount = incident.state.errorCount + 1;
  return {
    incident: { ...incident, state: { ...incident.state, errorCount, lastAlert: alert } },
    commands: [
      record({ type: "alert.error", at: event.receivedAt, detail: { count: errorCount, summary: alert.summary } }),
    ],
  };
}

/** Levels whose condition now holds fire, then reminders that are due go out. */
function tick(plan: FlowPlan, incident: Incident, atMs: number): Reduced {
  if (incident.recoveredAtMs !== null || incident.stopRequested !== null || incident.state.acknowledged) {
    return { incident, commands: [] };
  }
  const commands: EscalationCommand[] = [];
  const state: EscalationState = { ...incident.state, fired: { ...incident.state.fired } };
  for (const level of dueLevelFirings(plan, state, atMs)) {
    putOwn(state.fired, level.nodeId, { firedAtMs: atMs, remindersSent: 0 });
    state.currentLevel = Math.max(state.currentLevel, level.level);
    commands.push(
      record({
        type: "level.fired",
        at: iso(atMs),
        level: level.level,
        nodeId: level.nodeId,
        detail: { mode: level.mode },
      }),
      send(level, "error", 0),
    );
  }
  for (const due of dueReminders(plan, state, atMs)) {
    const fired = firedLevel(state, due.level.nodeId);
    if (!fired) continue;
    putOwn(state.fired, due.level.nodeId, { ...fired, remindersSent: due.reminderNumber });
    commands.push(
      record({
        type: "reminder.due",
        at: iso(atMs),
        level: due.level.level,
        nodeId: due.level.nodeId,
        detail: { reminderNumber: due.reminderNumber },
      }),
      send(due.level, "reminder", due.reminderNumber),
    );
  }
  return { incident: { ...incident, state }, commands };
}

/**
 * A cancel ends the incident silently. Anything else resolves it: the Ok goes out on every level
 * that fired, through links that send Ok; levels that never fired stay silent.
 */
function finish(plan: FlowPlan, incident: Incident, atMs: number): Reduced {
  if (incident.stopRequested === "cancel" && incident.recoveredAtMs === null) {
    return {
      incident: { ...incident, phase: "cancelled" },
      commands: [record({ type: "cancelled", at: iso(atMs), detail: {} })],
    };
  }
  const resolvedAtMs = incident.recoveredAtMs ?? atMs;
  const commands: EscalationCommand[] = plan.levels
    .filter((level) => firedLevel(incident.state, level.nodeId))
    .map((level) => send(level, "ok", 0, resolvedAtMs));
  commands.push(
    record({
      type: "resolved",
      at: iso(resolvedAtMs),
      detail: { by: incident.recoveredAtMs !== null ? "alert" : "operator" },
    }),
  );
  return { incident: { ...incident, phase: "resolved", resolvedAtMs }, commands };
}
