import { defineSearchAttributeKey, SearchAttributeType, TypedSearchAttributes } from "@temporalio/common";

/**
 * The build id Alertflow's workers report to Temporal (unversioned: it only labels the tasks they
 * complete), fixed instead of the SDK's default (its version and a hash of the workflow bundle),
 * so that whoever starts a workflow knows it.
 */
export const WORKER_BUILD_ID = "alertflow";

export const buildIdsKey = defineSearchAttributeKey("BuildIds", SearchAttributeType.KEYWORD_LIST);

/**
 * The `BuildIds` search attribute as Temporal's history service sets it itself when a worker of
 * this build completes a workflow's first task (server 1.29:
 * `workflowTaskStateMachine.afterAddWorkflowTaskCompletedEvent` →
 * `updateBuildIdsAndDeploymentSearchAttributes`, no setting turns it off), given with the start
 * instead: Temporal then finds nothing to change and writes no visibility upsert for that task,
 * so a new incident costs one visibility write, not two. A worker of another build id still gets
 * its entry added, with the upsert, as before. Until a worker takes the first task, the workflow
 * lists under this build already.
 */
export const startSearchAttributes = new TypedSearchAttributes([
  { key: buildIdsKey, value: ["unversioned", `unversioned:${WORKER_BUILD_ID}`] },
]);
