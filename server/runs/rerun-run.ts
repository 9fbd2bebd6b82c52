import { WorkflowExecutionAlreadyStartedError } from "@temporalio/client";
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { runEventRow } from "~/db/run-event-rows";
import { flowVersions, flows, runEvents, runs } from "~/db/schema";
import { notFound, domainRefusal } from "~/core/domain-error";
import { isOpenRunStatus } from "~/core/escalation/run-status";
import { INCIDENT_WORKFLOW, type AlertEvent, type EscalationInput } from "~/workflows/messages";
import type { ResendScope } from "./resend-deliveries";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { startWithBuildIds } from "~/server/temporal-build-id";

/**
 * Starts the incident of an ended run again, with its alert, on the flow's current published
 * version: a new run under the same workflow id (flow and alert key). Both runs record it: the old
 * one who re-ran it and which run that made, the new one which run it repeats.
 */
export async function rerunRun(scope: ResendScope, runId: string, actor: AuditActor): Promise<{ runId: string }> {
  const by = actor.name;
  const run = await scope.db.query.runs.findFirst({
    where: and(eq(runs.id, runId), eq(runs.workspaceId, scope.workspaceId)),
  });
  if (!run) throw notFound("run", runId);
  if (isOpenRunStatus(run.status)) {
    throw domainRefusal(
      "CONFLICT",
      `Run ${runId} is still ${run.status}: it can be re-run once it has ended`,
      "rerunStillOpen",
      { status: run.status },
    );
  }
  const flow = await scope.db.query.flows.findFirst({ where: eq(flows.id, run.flowId) });
  if (!flow) throw notFound("flow", run.flowId);
  if (!flow.enabled)
    throw domainRefusal("FLOW_DISABLED", `Flow "${flow.name}" is disabled`, "flowDisabled", { flow: flow.name });
  const unpublished = () =>
    domainRefusal("NOT_PUBLISHED", `Flow "${flow.name}" has no published version`, "flowNotPublished", {
      flow: flow.name,
    });
  if (!flow.publishedVersionId) throw unpublished();
  const version = await scope.db.query.flowVersions.findFirst({ where: eq(flowVersions.id, flow.publishedVersionId) });
  if (!version) throw unpublished();

  const event: AlertEvent = { alert: { ...run.alert, status: "error" }, receivedAt: new Date().toISOString() };
  const input: EscalationInput = {
    runId: randomUUID(),
    workspaceId: run.workspaceId,
    flowId: flow.id,
    flowName: flow.name,
    flowVersionId: version.id,
    alertKey: run.alertKey,
    plan: version.plan,
    firstEvent: event,
    // Started, not signalled: the first event rides in the input, as after continue-as-new.
    pendingEvents: [event],
    rerunOf: { runId, by },
  };
  try {
    // The type with every patch built in: its first task records no patch markers.
    await startWithBuildIds((buildIds) =>
      scope.temporal.workflow.start(INCIDENT_WORKFLOW, {
        workflowId: run.workflowId,
        taskQueue: scope.taskQueue,
        args: [input],
        workflowIdConflictPolicy: "FAIL",
        ...buildIds,
      }),
    );
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    throw domainRefusal(
      "CONFLICT",
      `An incident for alert key "${run.alertKey}" is open: act on that run instead`,
      "rerunIncidentOpen",
      { alertKey: run.alertKey },
    );
  }
  await scope.db.insert(runEvents).values(
    runEventRow(runId, {
      id: randomUUID(),
      type: "rerun.requested",
      at: new Date().toISOString(),
      detail: { by, newRunId: input.runId, version: version.version },
    }),
  );
  await recordAudit(scope.db, {
    workspaceId: scope.workspaceId,
    actor,
    action: "run.rerun",
    targetId: runId,
    detail: { alertKey: run.alertKey, flowId: flow.id, newRunId: input.runId, version: version.version },
  });
  return { runId: input.runId };
}
