import { minimalAlert, type NormalizedAlert } from "../alerts/alert";
import { FlowError } from "../flow/flow-error";
import type { FlowPlan, PlanLevel } from "../flow/plan";
import type { MessageType } from "../message-template/message-type";
import { reduceIncident, type EscalationCommand, type IncidentEvent } from "./escalation-reducer";
import { firedLevel, newEscalationState } from "./escalation-state";
import { incidentFrom, isEnding, wakeDelayMs, type Incident } from "./incident";

export interface PreviewMessage {
  /** Seconds after the incident's first error. */
  atSeconds: number;
  level: number;
  type: MessageType;
  /** 1..n for reminders, 0 for Error and Ok (as in the delivery idempotency key). */
  reminderNumber: number;
  integrationId: string;
  /** The integration node the message leaves through. */
  nodeId: string;
}

export interface TimingScenario {
  /** When the Ok arrives, in seconds after the first error. `Infinity` = the error never clears. */
  incidentSeconds: number;
  /**
   * How often the monitor reports: error events at 0, c, 2c, … before the Ok, which count-mode
   * levels need. Without it only the first error event is known, so a count level needing more
   * than one error never fires. Duration levels fire by timer either way, as the engine does.
   */
  checkIntervalSeconds?: number;
  /** Acknowledged at this time: nothing further escalates or reminds; the Ok still goes out. */
  acknowledgedAtSeconds?: number;
}

/** A stand-in for the monitor's alerts: the preview only needs their status. */
const previewAlert = (status: "error" | "ok", atMs: number): NormalizedAlert =>
  minimalAlert({ key: "preview", status, summary: "", occurredAt: new Date(atMs).toISOString() });

/**
 * Which messages a plan sends, and when, for one incident: the scenario's events are fed to the
 * engine's own reducer, waking as the workflow does at each event and at each `nextWakeAt`. At
 * one instant the workflow applies events before it looks at the clock, so an Ok or an
 * acknowledgement at the same second as a due level or reminder stops it.
 */
export function previewTiming(plan: FlowPlan, scenario: TimingScenario): PreviewMessage[] {
  checkScenario(scenario);
  const endMs = scenario.incidentSeconds * 1000;
  const ackMs = (scenario.acknowledgedAtSeconds ?? Infinity) * 1000;
  const everyMs = scenario.checkIntervalSeconds === undefined ? null : scenario.checkIntervalSeconds * 1000;

  let incident: Incident = incidentFrom(newEscalationState(0, previewAlert("error", 0)));
  const messages: PreviewMessage[] = [];
  const apply = (event: IncidentEvent) => {
    const reduced = reduceIncident(plan, incident, event);
    incident = reduced.incident;
    for (const command of reduced.commands) messages.push(...toMessages(command, event.atMs));
  };

  let nextErrorMs: number | null = 0;
  let now = 0;
  for (;;) {
    if (ackMs <= now && incident.phase === "escalating") apply({ type: "acknowledge", by: "preview", atMs: now });
    if (endMs <= now) apply({ type: "alert", alert: previewAlert("ok", now), receivedAt: iso(now), atMs: now });
    else if (nextErrorMs !== null && nextErrorMs <= now) {
      apply({ type: "alert", alert: previewAlert("error", now), receivedAt: iso(now), atMs: now });
      nextErrorMs = everyMs !== null && countLevelWaits(plan, incident) ? now + everyMs : null;
    }
    if (isEnding(incident)) break;
    apply({ type: "tick", atMs: now });
    const next = Math.min(
      now + (wakeDelayMs(plan, incident, now) ?? Infinity),
      nextErrorMs ?? Infinity,
      incident.phase === "escalating" ? ackMs : Infinity,
      endMs,
    );
    if (next === Infinity) return messages;
    now = next;
  }
  apply({ type: "finish", atMs: now });
  return messages;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Error events only change what is sent while a count-mode level is still waiting for them. */
const countLevelWaits = (plan: FlowPlan, incident: Incident) =>
  !incident.state.acknowledged && plan.levels.some((l) => l.mode === "count" && !firedLevel(incident.state, l.nodeId));

function toMessages(command: EscalationCommand, atMs: number): PreviewMessage[] {
  if (command.kind !== "send") return [];
  const level: PlanLevel = command.level;
  return level[command.messageType].map((target) => ({
    atSeconds: Math.round(atMs) / 1000,
    level: level.level,
    type: command.messageType,
    reminderNumber: command.reminderNumber,
    integrationId: target.integrationId,
    nodeId: target.nodeId,
  }));
}

function checkScenario({ incidentSeconds, checkIntervalSeconds, acknowledgedAtSeconds }: TimingScenario): void {
  const problems = [
    Number.isNaN(incidentSeconds) || incidentSeconds < 0 ? "incidentSeconds must be 0 or more" : null,
    checkIntervalSeconds !== undefined && !(checkIntervalSeconds > 0 && Number.isFinite(checkIntervalSeconds))
      ? "checkIntervalSeconds must be a positive number"
      : null,
    acknowledgedAtSeconds !== undefined && (Number.isNaN(acknowledgedAtSeconds) || acknowledgedAtSeconds < 0)
      ? "acknowledgedAtSeconds must be 0 or more"
      : null,
  ].filter((p) => p !== null);
  if (problems.length > 0)
    throw new FlowError("PREVIEW_INVALID_SCENARIO", `Invalid timing scenario: ${problems.join("; ")}.`);
}
