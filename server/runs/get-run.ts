import { and, asc, eq, inArray } from "drizzle-orm";
import { readRunEvent } from "~/db/run-event-rows";
import {
  deliveries,
  deliveryAttempts,
  flowVersions,
  flows,
  integrations,
  runEvents,
  runs,
  type DeliveryAttempt,
} from "~/db/schema";
import { notFound } from "~/core/domain-error";
import { availableActions } from "./run-actions";
import { runHighlights } from "./run-highlights";
import { mergeTimeline, type IntegrationLabel } from "./run-timeline";
import type { RunScope } from "./run-scope";

/** One run with everything its page shows: header, timeline, the graph it ran and the alert. */
export async function getRun({ db, workspaceId }: RunScope, runId: string) {
  const run = await db.query.runs.findFirst({ where: and(eq(runs.id, runId), eq(runs.workspaceId, workspaceId)) });
  if (!run) throw notFound("Run", runId);
  const [version, flow, eventRows, sent, attemptRows] = await Promise.all([
    db.query.flowVersions.findFirst({ where: eq(flowVersions.id, run.flowVersionId) }),
    db.query.flows.findFirst({ where: eq(flows.id, run.flowId), columns: { name: true } }),
    db.select().from(runEvents).where(eq(runEvents.runId, runId)).orderBy(asc(runEvents.at), asc(runEvents.id)),
    db
      .select()
      .from(deliveries)
      .where(eq(deliveries.runId, runId))
      .orderBy(asc(deliveries.createdAt), asc(deliveries.id)),
    db
      .select()
      .from(deliveryAttempts)
      .where(eq(deliveryAttempts.runId, runId))
      .orderBy(asc(deliveryAttempts.startedAt), asc(deliveryAttempts.attempt)),
  ]);
  const attempts = new Map<string, DeliveryAttempt[]>();
  for (const a of attemptRows) attempts.set(a.deliveryId, [...(attempts.get(a.deliveryId) ?? []), a]);
  const events = eventRows.map(readRunEvent);
  const integrationIds = [...new Set(sent.flatMap((d) => (d.integrationId ? [d.integrationId] : [])))];
  const labels = new Map<string, IntegrationLabel>();
  if (integrationIds.length > 0) {
    const rows = await db
      .select({ id: integrations.id, name: integrations.name, type: integrations.type })
      .from(integrations)
      .where(and(inArray(integrations.id, integrationIds), eq(integrations.workspaceId, workspaceId)));
    for (const row of rows) labels.set(row.id, { name: row.name, type: row.type });
  }
  return {
    run: {
      id: run.id,
      flowId: run.flowId,
      alertKey: run.alertKey,
      status: run.status,
      currentLevel: run.currentLevel,
      firstErrorAt: run.firstErrorAt,
      resolvedAt: run.resolvedAt,
      createdAt: run.createdAt,
      workflowId: run.workflowId,
      alert: run.alert,
    },
    flowName: flow?.name ?? "Deleted flow",
    version: version ? { id: version.id, version: version.version, graph: version.graph } : null,
    actions: availableActions(run.status),
    /** When the last thing happened, for the duration of runs that ended without a resolve time. */
    lastActivityAt: [...events.map((e) => e.at), ...sent.map((d) => d.updatedAt)].reduce<Date>(
      (latest, at) => (at > latest ? at : latest),
      run.createdAt,
    ),
    timeline: mergeTimeline(events, sent, labels, attempts),
    highlights: runHighlights(
      events.map((e) => e.event),
      sent,
    ),
  };
}
