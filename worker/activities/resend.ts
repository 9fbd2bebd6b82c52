import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { runEventRow } from "~/db/run-event-rows";
import { deliveries, flowVersions, flows, runEvents, runs } from "~/db/schema";
import type { PlanTarget } from "~/core/flow/plan";
import type { ActivityDeps } from "./create-activities";
import { idempotencyKeyFor } from "./delivery-key";
import { recordAttempt } from "./record-attempt";
import type { ResendInput, ResendResult } from "~/workflows/messages";
import type { DeliverInput } from "./types";

/** The link a delivery went out through: a level's target, or a fallback down its chain. */
function findTarget(targets: readonly PlanTarget[], nodeId: string, isFallback: boolean): PlanTarget | undefined {
  for (const first of targets) {
    let target: PlanTarget | null = isFallback ? first.fallback : first;
    while (target) {
      if (target.nodeId === nodeId) return target;
      target = isFallback ? target.fallback : null;
    }
  }
  return undefined;
}

/**
 * One more attempt at a failed message, asked for by an editor: rebuilt from the run and the
 * version it ran (the same level, type, reminder number, link and idempotency key), sent once,
 * and recorded as an attempt and a timeline event naming who asked.
 */
export function createResend({ db, send, now }: Pick<ActivityDeps, "db" | "send" | "now">) {
  return async function resendDelivery({ deliveryId, by }: ResendInput): Promise<ResendResult> {
    const [found] = await db
      .select({ delivery: deliveries, run: runs, plan: flowVersions.plan, flowName: flows.name })
      .from(deliveries)
      .innerJoin(runs, eq(runs.id, deliveries.runId))
      .innerJoin(flowVersions, eq(flowVersions.id, runs.flowVersionId))
      .innerJoin(flows, eq(flows.id, runs.flowId))
      .where(eq(deliveries.id, deliveryId))
      .limit(1);
    if (!found) return { deliveryId, outcome: "missing", attempt: 0, statusCode: null, error: "Delivery not found" };
    const { delivery, run, plan } = found;
    if (delivery.status !== "failed") {
      return {
        deliveryId,
        outcome: "not_failed",
        attempt: delivery.attempts,
        statusCode: delivery.statusCode,
        error: null,
      };
    }
    const level = plan.levels.find((l) => l.level === delivery.level);
    const target = level && findTarget(level[delivery.messageType], delivery.nodeId, delivery.isFallback);
    if (!level || !target) {
      return {
        deliveryId,
        outcome: "missing",
        attempt: delivery.attempts,
        statusCode: null,
        error: `Link ${delivery.nodeId} is not in the version this run ran`,
      };
    }
    const input: DeliverInput = {
      runId: run.id,
      workspaceId: run.workspaceId,
      flowId: run.flowId,
      flowName: found.flowName,
      incidentKey: run.alertKey,
      level: level.level,
      levelMessage: level.message,
      messageType: delivery.messageType,
      reminderNumber: delivery.reminderNumber,
      target: { nodeId: target.nodeId, integrationId: target.integrationId, variables: target.variables },
      // The run keeps its first alert; the engine sent the latest one it had, usually the same.
      alert: run.alert,
      firstErrorAt: run.firstErrorAt.toISOString(),
      resolvedAt: run.resolvedAt?.toISOString(),
      isFallback: delivery.isFallback,
      maxAttempts: 1,
    };
    const key = idempotencyKeyFor(input);
    const attempt = delivery.attempts + 1;
    const startedAt = now();
    const outcome = await send(input, key);
    const status = outcome.skipped ? "skipped" : outcome.ok ? "delivered" : "failed";
    const error = outcome.error ?? null;
    await recordAttempt(db, { deliveryId, runId: run.id, attempt, startedAt, status, outcome, error, resentBy: by });
    await db.insert(runEvents).values(
      runEventRow(run.id, {
        id: randomUUID(),
        type: "delivery.resent",
        at: now().toISOString(),
        level: level.level,
        nodeId: delivery.nodeId,
        detail: { by, deliveryId, attempt, outcome: status, statusCode: outcome.status ?? null },
      }),
    );
    return { deliveryId, outcome: status, attempt, statusCode: outcome.status ?? null, error };
  };
}
