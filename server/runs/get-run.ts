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
import { runNextSteps } from "./run-next-steps";
import { temporalWorkflowUrl } from "./temporal-link";
import { mergeTimeline, type IntegrationLabel } from "./run-timeline";
import type { RunScope } from "./run-scope";

/** One run with everything its page shows: header, timeline, the graph it ran and the alert. */
export async function getRun({ db, workspaceId }: RunScope, runId: string) {
  // One snapshot: the run, its timeline, deliveries and attempts are written concurrently by the
  // worker, and a page must not show a delivery as delivered without the attempt that did it.
  const rows = await db.transaction(
    async (tx) => {
      const run = await tx.query.runs.findFirst({ where: and(eq(runs.id, runId), eq(runs.workspaceId, workspaceId)) });
      if (!run) throw notFound("run", runId);
      const [version, flow, eventRows, sent, attemptRows] = await Promise.all([
        tx.query.flowVersions.findFirst({ where: eq(flowVersions.id, run.flowVersionId) }),
        tx.query.flows.findFirst({ where: eq(flows.id, run.flowId), columns: { name: true } }),
        tx.select().from(runEvents).where(eq(runEvents.runId, runId)).orderBy(asc(runEvents.at), asc(runEvents.id)),
        tx
          .select()
          .from(deliveries)
          .where(eq(deliveries.runId, runId))
          .orderBy(asc(deliveries.createdAt), asc(deliveries.id)),
        tx
          .select()
          .from(deliveryAttempts)
          .where(eq(deliveryAttempts.runId, runId))
          .orderBy(asc(deliveryAttempts.startedAt), asc(deliveryAttempts.attempt)),
      ]);
      return { run, version, flow, eventRows, sent, attemptRows };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  const { run, version, flow, eventRows, sent, attemptRows } = rows;
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
  const next = version ? runNextSteps(version.plan, run, events) : null;
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
    temporalUrl: temporalWorkflowUrl(run.workflowId, run.temporalRunId),
    flowName: flow?.name ?? "Deleted flow",
    version: version ? { id: version.id, version: version.version, graph: version.graph } : null,
    actions: availableActions(run.status),
    /** When the last thing happened, for the duration of runs that ended without a resolve time. */
    lastActivityAt: [...events.map((e) => e.at), ...sent.map((d) => d.updatedAt)].reduce<Date>(
      (latest, at) => (at > latest ? at : latest),
      run.createdAt,
    ),
    timeline: mergeTimeline(events, sent, labels, attempts),
    /** What the engine sends next unless someone acts, by its own rules; null once not escalating. */
    next,
    highlights: runHighlights(
      events.map((e) => e.event),
      sent,
      next?.nextLevelNodeId ?? undefined,
    ),
  };
}
