import { WorkflowExecutionAlreadyStartedError, type Client } from "@temporalio/client";
import { and, eq, inArray } from "drizzle-orm";
import { deliveries, runs } from "~/db/schema";
import { notFound } from "~/core/domain-error";
import { RESEND_WORKFLOW, type ResendResult } from "~/workflows/messages";
import type { RunScope } from "./run-scope";
import { recordAudit, type AuditActor } from "../audit/record-audit";

export type ResendScope = RunScope & { temporal: Client; taskQueue: string };

/** Re-sends at once; a bulk re-send of hundreds goes in waves so one click cannot flood a receiver. */
const WAVE = 10;

/**
 * Sends failed deliveries again, each as one more recorded attempt, through a short workflow on
 * the worker (which holds the senders and the secrets). One re-send per delivery at a time: the
 * workflow id is the delivery's. Deliveries of other workspaces are not found.
 */
export async function resendDeliveries(
  scope: ResendScope,
  deliveryIds: readonly string[],
  actor: AuditActor,
): Promise<ResendResult[]> {
  const by = actor.name;
  const rows = await scope.db
    .select({ id: deliveries.id, runId: deliveries.runId, status: deliveries.status, attempts: deliveries.attempts })
    .from(deliveries)
    .innerJoin(runs, eq(runs.id, deliveries.runId))
    .where(and(inArray(deliveries.id, [...deliveryIds]), eq(runs.workspaceId, scope.workspaceId)));
  const found = new Map(rows.map((r) => [r.id, r]));
  const first = deliveryIds[0];
  if (deliveryIds.length === 1 && first && !found.has(first)) throw notFound("delivery", first);

  const results: ResendResult[] = [];
  for (let i = 0; i < deliveryIds.length; i += WAVE) {
    const wave = deliveryIds.slice(i, i + WAVE);
    results.push(
      ...(await Promise.all(
        wave.map(async (deliveryId): Promise<ResendResult> => {
          const row = found.get(deliveryId);
          if (!row) return { deliveryId, outcome: "missing", attempt: 0, statusCode: null, error: "Not found" };
          if (row.status !== "failed") {
            return { deliveryId, outcome: "not_failed", attempt: row.attempts, statusCode: null, error: null };
          }
          try {
            return await scope.temporal.workflow.execute(RESEND_WORKFLOW, {
              workflowId: `resend:${deliveryId}`,
              taskQueue: scope.taskQueue,
              args: [{ deliveryId, by }],
              workflowIdConflictPolicy: "FAIL",
              workflowExecutionTimeout: "2 minutes",
            });
          } catch (err) {
            if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
            return {
              deliveryId,
              outcome: "not_failed",
              attempt: row.attempts,
              statusCode: null,
              error: "Already being re-sent",
            };
          }
        }),
      )),
    );
  }
  await auditResends(scope, actor, results, found);
  return results;
}

/** One audit entry per run whose deliveries were re-sent, with what became of each. */
async function auditResends(
  scope: ResendScope,
  actor: AuditActor,
  results: ResendResult[],
  found: Map<string, { runId: string }>,
) {
  const byRun = new Map<string, { deliveryId: string; outcome: string }[]>();
  for (const { deliveryId, outcome } of results) {
    const runId = found.get(deliveryId)?.runId;
    if (!runId || outcome === "not_failed") continue;
    byRun.set(runId, [...(byRun.get(runId) ?? []), { deliveryId, outcome }]);
  }
  for (const [runId, resent] of byRun) {
    await recordAudit(scope.db, {
      workspaceId: scope.workspaceId,
      actor,
      action: "run.resent",
      targetId: runId,
      detail: { deliveries: resent },
    });
  }
}

/** Every failed delivery of one run. */
export async function failedDeliveryIds(scope: RunScope, runId: string): Promise<string[]> {
  const run = await scope.db.query.runs.findFirst({
    where: and(eq(runs.id, runId), eq(runs.workspaceId, scope.workspaceId)),
    columns: { id: true },
  });
  if (!run) throw notFound("run", runId);
  const rows = await scope.db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.runId, runId), eq(deliveries.status, "failed")));
  return rows.map((r) => r.id);
}
