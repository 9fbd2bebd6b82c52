import { WorkflowNotFoundError, type Client } from "@temporalio/client";
import { and, eq, sql } from "drizzle-orm";
import { setRunStatus } from "~/db/run-status";
import { incidentInboxes, runs } from "~/db/schema";
import { acknowledgeUpdate, cancelUpdate, resolveUpdate, snapshotQuery } from "~/workflows/messages";
import { notFound, domainRefusal } from "~/core/domain-error";
import type { ActionSource } from "~/core/escalation/action-source";
import { isOpen, type RunAction } from "./run-actions";
import type { RunScope } from "./run-scope";
import { recordAudit } from "../audit/record-audit";
import { takeBackDueSends } from "./due-send-fence";

const updates = { acknowledge: acknowledgeUpdate, resolve: resolveUpdate, cancel: cancelUpdate } as const;

const audited = { acknowledge: "run.acknowledged", resolve: "run.resolved", cancel: "run.cancelled" } as const;

const noLongerOpen = (runId: string) =>
  domainRefusal("CONFLICT", `Run ${runId} is no longer open`, "runNoLongerOpen", {});

/** How long an action waits for the workflow of an incident whose start is still pending. */
const PENDING_START_WAIT_MS = 15_000;

/**
 * Whether the incident had a start pending (its claim row still holds the workflow's input) that
 * has now happened; false at once when none was pending, or when it is still pending at the deadline.
 */
async function startSettled(db: RunScope["db"], runId: string): Promise<boolean> {
  const deadline = Date.now() + PENDING_START_WAIT_MS;
  for (let looks = 0; ; looks++) {
    const [inbox] = await db
      .select({ pending: sql<boolean>`${incidentInboxes.startInput} is not null` })
      .from(incidentInboxes)
      .where(eq(incidentInboxes.id, runId));
    if (!inbox?.pending) return looks > 0;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

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
  const handle = scope.temporal.workflow.getHandle(run.workflowId);
  // The workflow id is per flow and alert key, so after this incident ended it may already
  // carry the next one: never acknowledge an incident the operator did not look at.
  const isThisIncident = async () => {
    try {
      return (await handle.query(snapshotQuery)).runId === runId;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    }
  };
  // The alert endpoint answers at its claim's commit and starts the workflow just after
  // (background-start.ts): an action in between, from the app or the message's own link, waits
  // for that start instead of calling the incident over.
  if (!(await isThisIncident()) && !((await startSettled(scope.db, runId)) && (await isThisIncident()))) {
    throw noLongerOpen(runId);
  }
  // The due-send job must not page anyone after the action was taken; what it already sent is
  // fired in the workflow first, so the timeline and the Ok include it.
  const dueSentAtMs = await takeBackDueSends(scope.db, runId);
  try {
    const snapshot = await handle.executeUpdate(updates[action], {
      args: [{ by, note, source, ...(dueSentAtMs === undefined ? {} : { dueSentAtMs }) }],
    });
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
