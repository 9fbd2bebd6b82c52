import { and, count, eq, inArray, ne } from "drizzle-orm";
import { readRunEvent, type StoredRunEvent } from "~/db/run-event-rows";
import { flowVersions, runEvents, runs, type Run } from "~/db/schema";
import type { NormalizedAlert } from "~/core/alerts/alert";
import { incidentFromEvents, upcomingSteps, type TimedRunEvent, type Upcoming } from "~/core/escalation/next-steps";
import type { FlowPlan } from "~/core/flow/plan";
import type { Db } from "~/db/client";

export interface NextStepView {
  at: Date;
  level: number;
  nodeId: string;
  messageType: "error" | "reminder";
  reminderNumber: number;
  reminderCount: number;
}

export interface RunNext {
  steps: NextStepView[];
  waiting: Upcoming["waiting"];
  /** The next level to fire by time, however many reminders come first: lit on the graph. */
  nextLevelNodeId: string | null;
}

/** Enough steps to reach the next level past a run of reminders. */
const LOOKAHEAD = 50;

type RunFacts = Pick<Run, "status" | "firstErrorAt"> & { alert: NormalizedAlert };

const timed = (events: readonly StoredRunEvent[]): TimedRunEvent[] =>
  events.flatMap(({ at, event }) => (event.type === "unreadable" ? [] : [{ atMs: at.getTime(), event }]));

/**
 * What the engine does next for one run, by the engine's own reducer over the run's recorded
 * timeline; null when the run is no longer escalating.
 */
export function runNextSteps(
  plan: FlowPlan,
  run: RunFacts,
  events: readonly StoredRunEvent[],
  errorCount?: number,
  limit = 3,
): RunNext | null {
  if (run.status !== "escalating") return null;
  const incident = incidentFromEvents(run.firstErrorAt.getTime(), run.alert, run.status, timed(events), errorCount);
  const { steps, waiting } = upcomingSteps(plan, incident, LOOKAHEAD);
  return {
    steps: steps.slice(0, limit).map(({ atMs, ...step }) => ({ at: new Date(atMs), ...step })),
    waiting,
    nextLevelNodeId: steps.find((s) => s.messageType === "error")?.nodeId ?? waiting[0]?.nodeId ?? null,
  };
}

/**
 * The next step of each escalating run on a list page: two queries for the whole page (events
 * other than the alert errors, and the errors counted), plans read once per version.
 */
export async function nextStepsForRuns(
  db: Db,
  page: readonly Pick<Run, "id" | "status" | "firstErrorAt" | "flowVersionId">[],
): Promise<Map<string, RunNext>> {
  const open = page.filter((r) => r.status === "escalating");
  const result = new Map<string, RunNext>();
  if (open.length === 0) return result;
  const ids = open.map((r) => r.id);
  const [eventRows, errorCounts, versions, alerts] = await Promise.all([
    db
      .select()
      .from(runEvents)
      .where(and(inArray(runEvents.runId, ids), ne(runEvents.type, "alert.error")))
      .orderBy(runEvents.at),
    db
      .select({ runId: runEvents.runId, errors: count() })
      .from(runEvents)
      .where(and(inArray(runEvents.runId, ids), eq(runEvents.type, "alert.error")))
      .groupBy(runEvents.runId),
    db
      .select({ id: flowVersions.id, plan: flowVersions.plan })
      .from(flowVersions)
      .where(inArray(flowVersions.id, [...new Set(open.map((r) => r.flowVersionId))])),
    // The list leaves the (possibly large) alert out; only the open runs need it here.
    db.select({ id: runs.id, alert: runs.alert }).from(runs).where(inArray(runs.id, ids)),
  ]);
  const alertOf = new Map(alerts.map((a) => [a.id, a.alert]));
  const plans = new Map(versions.map((v) => [v.id, v.plan]));
  const errors = new Map(errorCounts.map((e) => [e.runId, e.errors]));
  const byRun = new Map<string, StoredRunEvent[]>();
  for (const row of eventRows) byRun.set(row.runId, [...(byRun.get(row.runId) ?? []), readRunEvent(row)]);
  for (const run of open) {
    const plan = plans.get(run.flowVersionId);
    const alert = alertOf.get(run.id);
    if (!plan || !alert) continue;
    const next = runNextSteps(plan, { ...run, alert }, byRun.get(run.id) ?? [], errors.get(run.id) ?? 0, 1);
    if (next) result.set(run.id, next);
  }
  return result;
}
