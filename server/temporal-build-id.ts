import { isGrpcServiceError } from "@temporalio/client";
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

/** INVALID_ARGUMENT, as gRPC numbers it (the client raises the server's status as it came). */
const INVALID_ARGUMENT = 3;

/**
 * Whether Temporal refused the start because of `BuildIds` itself: a server before 1.21 ("search
 * attribute BuildIds is not defined"), one whose validator bars it ("BuildIds attribute can't be
 * set in SearchAttributes") or its value or size, each INVALID_ARGUMENT naming the attribute. The
 * client hands it on as a ServiceError whose cause is the gRPC error. Servers 1.21 to 1.30 take it
 * (1.28 on only through a whitelist their own comment calls temporary), and Temporal's docs call the
 * default search attributes read-only: a refusal may come.
 */
export function isBuildIdsRefusal(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (isGrpcServiceError(e)) return e.code === INVALID_ARGUMENT && /\bBuildIds\b/.test(e.details);
  }
  return false;
}

let refusedBecause: string | null = null;

/**
 * Runs a start with `BuildIds` (`startSearchAttributes`), or without once Temporal refused it:
 * the saving is only worth having where the server takes it, and an incident must start anyway.
 * The refused start is made again at once without it, and this process stops offering it.
 */
export async function startWithBuildIds<T>(
  start: (attributes: { typedSearchAttributes?: TypedSearchAttributes }) => Promise<T>,
): Promise<T> {
  if (refusedBecause !== null) return start({});
  try {
    return await start({ typedSearchAttributes: startSearchAttributes });
  } catch (error) {
    if (!isBuildIdsRefusal(error)) throw error;
    if (refusedBecause === null) {
      refusedBecause = error instanceof Error ? String(error.cause ?? error.message) : String(error);
      console.warn(
        `temporal: this server refuses the BuildIds search attribute at start (${refusedBecause}); ` +
          "incidents start without it until restart, each costing Temporal one more visibility write",
      );
    }
    return start({});
  }
}
