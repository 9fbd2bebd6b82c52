/**
 * How the Temporal dev server is tuned for Alertflow's load (`npm run dev`, the bench, e2e and the
 * tests): its SQLite pragmas, dynamic config and Go runtime settings. Each was measured with
 * `npm run bench` against the flags before it (Temporal's CPU per incident at c=10).
 */

/** `--sqlite-pragma` values: applied to the server's one SQLite connection when it opens. */
export const devServerPragmas: readonly string[] = [
  // Durable across a killed process (WAL), fsync at checkpoints only: never `synchronous=off`.
  "journal_mode=wal",
  "synchronous=normal",
];

/** `--dynamic-config-value` settings, each a key of the server version the CLI embeds (1.29). */
export const devServerDynamicConfig: readonly string[] = [
  "frontend.enableServerVersionCheck=false",
  // The worker that schedules a delivery runs it at once, skipping a task-queue round trip.
  "system.enableActivityEagerExecution=true",
  // A client sharing a worker's connection may have the new workflow's first task handed back with the start.
  "system.enableEagerWorkflowStart=true",
  // The CLI turns this on so a search attribute created on a running dev server is usable at once;
  // it makes every visibility write and every start read the cluster metadata and the namespace
  // from SQLite again. Alertflow creates no search attribute; one created by hand is seen after
  // the server's cache refresh (a minute at most).
  "system.forceSearchAttributesCacheRefreshOnRead=false",
  // One partition per task queue instead of four: on a single host the extra partitions only
  // forward tasks and polls to the root partition.
  "matching.numTaskqueueReadPartitions=1",
  "matching.numTaskqueueWritePartitions=1",
  // Not here, measured on 30 Nov (Temporal's CPU per incident at c=10 no lower):
  // `history.sendRawHistoryBetweenInternalServices=true` (history passes a task's events on
  // unparsed) and GODEBUG=adaptivestackstart=1 (stack growth was 6 % of the server's samples).
  // The visibility upsert Temporal writes at a workflow's first completed task, to record the
  // worker's build id, has no switch in 1.29; Alertflow's starts give that value instead
  // (server/temporal-build-id.ts).
];

/**
 * Go's collector for the server process: a collection when the heap grows by 4× instead of 2×
 * (a tenth of the server's CPU went to GC), held by a soft limit so the heap stays bounded. A value
 * already in the environment wins.
 */
export function devServerGoEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, GOGC: env.GOGC ?? "400", GOMEMLIMIT: env.GOMEMLIMIT ?? "1GiB" };
}

/** The tuning as `temporal server start-dev` arguments. */
export function devServerTuningArgs(): string[] {
  return [
    ...devServerPragmas.flatMap((p) => ["--sqlite-pragma", p]),
    ...devServerDynamicConfig.flatMap((v) => ["--dynamic-config-value", v]),
  ];
}
