import { WorkflowNotFoundError, type Client } from "@temporalio/client";
import { and, eq } from "drizzle-orm";
import { setRunStatus } from "~/db/run-status";
import { runs } from "~/db/schema";
import { acknowledgeUpdate, cancelUpdate, resolveUpdate, snapshotQuery } from "~/workflows/messages";
import { notFound, domainRefusal } from "~/core/domain-error";
import type { ActionSource } from "~/core/escalation/action-source";
import { isOpen, type RunAction } from "./run-actions";
import type { RunScope } from "./run-scope";
import { recordAudit } from "../audit/record-audit";

const updates = { acknowledge: acknowledgeUpdate, resolve: resolveUpdate, cancel: cancelUpdate } as const;

const audited = { acknowledge: "run.acknowledged", resolve: "run.resolved", cancel: "run.cancelled" } as const;

const noLongerOpen = (runId: string) =>
  domainRefusal("CONFLICT", `Run ${runId} is no longer open`, "runNoLongerOpen", {});

/** Who acts, from where (the run history shows both), and their optional note. */
export interface RunActor {
  by: string;
  source: ActionSource;
  note?: string;
  /** The signed-in user behind `by`, when there is one (not for Slack, phone or link callers). */
  userId?: string | null;
}

/**
 * Operator actions go to the running workflow as Temporal updates. Returns the run's status as
 * the caller should now show it; resolve and cancel finish in the workflow shortly after.
 */
export async function actOnRun(
  scope: RunScope & { temporal: Client },
  runId: string,
  action: RunAction,
  { by, source, note, userId = null }: RunActor,
): Promise<{ status: string }> {
  const run = await scope.db.query.runs.findFirst({
    where: and(eq(runs.id, runId), eq(runs.workspaceId, scope.workspaceId)),
  });
  if (!run) throw notFound("run", runId);
  if (!isOpen(run.status)) {
    throw domainRefusal("CONFLICT", `Run ${runId} is already ${run.status}`, "runAlreadyEnded", { status: run.status });
  }
  if (action === "acknowledge" && run.status === "acknowledged") return { status: run.status };
  try {
    const handle = scope.temporal.workflow.getHandle(run.workflowId);
    // The workflow id is per flow and alert key, so after this incident ended it may already
    // carry the next one: never acknowledge an incident the operator did not look at.
    const current = await handle.query(snapshotQuery);
    if (current.runId !== runId) throw noLongerOpen(runId);
    const snapshot = await handle.executeUpdate(updates[action], { args: [{ by, note, source }] });
    // The status and its audit entry commit together or not at all: a caller that loses the
    // database here answers "try again", and the retry (an acknowledge the workflow already has
    // is a no-op there) writes both, instead of finding one of them done.
    await scope.db.transaction(async (tx) => {
      if (action === "acknowledge" && snapshot.phase === "acknowledged") {
        await setRunStatus(tx, runId, "acknowledged");
      }
      await recordAudit(tx, {
        workspaceId: scope.workspaceId,
        actor: { userId, name: by },
        action: audited[action],
        targetId: runId,
        detail: { alertKey: run.alertKey, flowId: run.flowId, source, ...(note ? { note } : {}) },
      });
    });
    return { status: snapshot.phase };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw noLongerOpen(runId);
    throw err;
  }
}
