import { FlowError } from "../flow/flow-error";
import type { FlowPlan, PlanLevel, PlanTarget } from "../flow/plan";

export type PreviewMessageType = "error" | "reminder" | "ok";

export interface PreviewMessage {
  /** Seconds after the incident's first (confirmed) error. */
  atSeconds: number;
  level: number;
  type: PreviewMessageType;
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
   * How often the monitor reports. When given, the preview follows the check-driven semantics
   * of alerting-domain.md §2.2: error events at 0, c, 2c, … before the Ok; a duration level fires
   * on the first check *strictly after* its threshold ("lasted more than X"). When omitted it
   * follows the engine: a duration level fires by timer at exactly `afterSeconds`, and only the
   * first error event is known, so a count level needing more than one error never fires.
   */
  checkIntervalSeconds?: number;
  /** Acknowledged at this time: nothing further escalates or reminds; the Ok still goes out. */
  acknowledgedAtSeconds?: number;
}

const TYPE_ORDER: Record<PreviewMessageType, number> = { error: 0, reminder: 1, ok: 2 };

/**
 * Which messages a plan sends, and when, for one incident. Ties are resolved the way that sends
 * less: an Ok or an acknowledgement at the same second as a due level or reminder stops it.
 */
export function previewTiming(plan: FlowPlan, scenario: TimingScenario): PreviewMessage[] {
  checkScenario(scenario);
  const { incidentSeconds, acknowledgedAtSeconds = Infinity } = scenario;
  const stopsAt = Math.min(incidentSeconds, acknowledgedAtSeconds);
  const messages: PreviewMessage[] = [];

  for (const level of plan.levels) {
    const firedAt = fireTime(level, scenario.checkIntervalSeconds);
    if (firedAt === null || firedAt >= stopsAt) continue;
    messages.push(...toMessages(level, level.error, "error", firedAt, 0));
    for (let n = 1; n <= level.reminderCount; n++) {
      const at = firedAt + n * level.reminderEverySeconds;
      if (at >= stopsAt) break;
      messages.push(...toMessages(level, level.reminder, "reminder", at, n));
    }
    if (Number.isFinite(incidentSeconds)) messages.push(...toMessages(level, level.ok, "ok", incidentSeconds, 0));
  }

  // Stable sort: within one second and type, levels keep plan order and targets edge order.
  return messages.sort(
    (a, b) => a.atSeconds - b.atSeconds || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.level - b.level,
  );
}

/** Seconds after the first error at which the level's condition first holds; null = never. */
function fireTime(level: PlanLevel, checkInterval: number | undefined): number | null {
  if (level.mode === "count") {
    if (checkInterval === undefined) return level.errorCount === 1 ? 0 : null;
    return (level.errorCount - 1) * checkInterval;
  }
  if (checkInterval === undefined) return level.afterSeconds;
  return (Math.floor(level.afterSeconds / checkInterval) + 1) * checkInterval;
}

function toMessages(
  level: PlanLevel,
  targets: PlanTarget[],
  type: PreviewMessageType,
  atSeconds: number,
  reminderNumber: number,
): PreviewMessage[] {
  return targets.map((t) => ({
    atSeconds,
    level: level.level,
    type,
    reminderNumber,
    integrationId: t.integrationId,
    nodeId: t.nodeId,
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
