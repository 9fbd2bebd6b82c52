import { WorkflowExecutionAlreadyStartedError, type Client } from "@temporalio/client";
import { and, eq, inArray } from "drizzle-orm";
import { deliveries, runs } from "~/db/schema";
import { notFound } from "~/core/domain-error";
import { RESEND_WORKFLOW, type ResendResult } from "~/workflows/messages";
import type { RunScope } from "./run-scope";

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
  by: string,
): Promise<ResendResult[]> {
  const rows = await scope.db
    .select({ id: deliveries.id, status: deliveries.status, attempts: deliveries.attempts })
    .from(deliveries)
    .innerJoin(runs, eq(runs.id, deliveries.runId))
    .where(and(inArray(deliveries.id, [...deliveryIds]), eq(runs.workspaceId, scope.workspaceId)));
  const found = new Map(rows.map((r) => [r.id, r]));
  const first = deliveryIds[0];
  if (deliveryIds.length === 1 && first && !found.has(first)) throw notFound("Delivery", first);

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
  return results;
}

/** Every failed delivery of one run. */
export async function failedDeliveryIds(scope: RunScope, runId: string): Promise<string[]> {
  const run = await scope.db.query.runs.findFirst({
    where: and(eq(runs.id, runId), eq(runs.workspaceId, scope.workspaceId)),
    columns: { id: true },
  });
  if (!run) throw notFound("Run", runId);
  const rows = await scope.db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.runId, runId), eq(deliveries.status, "failed")));
  return rows.map((r) => r.id);
}
