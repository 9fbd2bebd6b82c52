import { and, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db, Tx } from "~/db/client";
import {
  deliveries,
  runLatencyRollupDeltas,
  runLatencyRollups,
  runRollupDeltas,
  runRollups,
  runs,
  type RunStatus,
} from "~/db/schema";
import { emptyHistogram, type LatencyHistogram } from "./latency-buckets";
import type { BucketWindow } from "./stats-buckets";

/** Additive facts about the runs and messages of one time bucket: sums, never means. */
export interface RunFacts extends Record<RunStatus, number> {
  /** Runs with an acknowledgement time, and the sum of their times to acknowledge (MTTA). */
  ackedRuns: number;
  mttaMsSum: number;
  /** Resolved runs with a resolution time, and the sum of their times to resolve (MTTR). */
  mttrRuns: number;
  mttrMsSum: number;
  sent: number;
  failedMessages: number;
  latency: LatencyHistogram;
}

export const emptyFacts = (): RunFacts => ({
  escalating: 0,
  acknowledged: 0,
  resolved: 0,
  failed: 0,
  cancelled: 0,
  ackedRuns: 0,
  mttaMsSum: 0,
  mttrRuns: 0,
  mttrMsSum: 0,
  sent: 0,
  failedMessages: 0,
  latency: emptyHistogram(),
});

export const incidentCount = (f: RunFacts) => f.escalating + f.acknowledged + f.resolved + f.failed + f.cancelled;

function addFacts(into: RunFacts, from: Omit<RunFacts, "latency">) {
  into.escalating += from.escalating;
  into.acknowledged += from.acknowledged;
  into.resolved += from.resolved;
  into.failed += from.failed;
  into.cancelled += from.cancelled;
  into.ackedRuns += from.ackedRuns;
  into.mttaMsSum += from.mttaMsSum;
  into.mttrRuns += from.mttrRuns;
  into.mttrMsSum += from.mttrMsSum;
  into.sent += from.sent;
  into.failedMessages += from.failedMessages;
}

/** What the facts are about: the workspace, and at most one flow and one integration. */
export interface FactScope {
  workspaceId: string;
  flowId?: string;
  integrationId?: string;
}

/** [from, until): until null is open (up to whatever is in the table). */
interface Span {
  from: Date;
  until: Date | null;
}

const HOUR_MS = 3_600_000;
const floorHour = (d: Date) => new Date(Math.floor(d.getTime() / HOUR_MS) * HOUR_MS);
const ceilHour = (d: Date) => new Date(Math.ceil(d.getTime() / HOUR_MS) * HOUR_MS);

/**
 * Splits [from, until) into the whole hours the rollup answers for and the partial hours at either
 * edge, read from runs and deliveries. An open end stops the whole hours at the one holding `now`,
 * so the hour still being written is always read raw.
 */
export function splitSpan(span: Span, now: Date): { rolled: Span | null; raw: Span[] } {
  const start = ceilHour(span.from);
  const end = floorHour(span.until ?? now);
  if (start >= end) return { rolled: null, raw: [span] };
  const raw: Span[] = [];
  if (span.from < start) raw.push({ from: span.from, until: start });
  raw.push({ from: end, until: span.until });
  return { rolled: { from: start, until: end }, raw: raw.filter((s) => s.until === null || s.from < s.until) };
}

// date_part is float8; extract() is numeric, several times slower to sum over many rows.
const ms = (interval: SQL) => sql`(date_part('epoch', ${interval}) * 1000)`;
// Inlined, our own integer: a bound parameter would differ between SELECT and GROUP BY.
const binOf = (window: BucketWindow, column: SQL | typeof runs.createdAt) =>
  sql`date_bin(${sql.raw(`'${window.bucketMs / 1000} seconds'`)}::interval, ${column}, 'epoch'::timestamptz)`;

type FactRow = Omit<RunFacts, "latency"> & { bucket: Date };
type LatencyRow = { bucket: Date; latencyBucket: number; messages: number };

type RollupTable = typeof runRollups | typeof runRollupDeltas;
type LatencyRollupTable = typeof runLatencyRollups | typeof runLatencyRollupDeltas;

function rollupConditions(scope: FactScope, span: Span, table: RollupTable | LatencyRollupTable) {
  const conditions: SQL[] = [eq(table.workspaceId, scope.workspaceId), gte(table.hour, span.from)];
  if (span.until) conditions.push(lt(table.hour, span.until));
  if (scope.flowId) conditions.push(eq(table.flowId, scope.flowId));
  conditions.push(scope.integrationId ? eq(table.integrationId, scope.integrationId) : isNull(table.integrationId));
  return conditions;
}

function rollupFacts(db: Db | Tx, scope: FactScope, span: Span, window: BucketWindow, table: RollupTable) {
  const bucket = binOf(window, sql`${table.hour}`);
  const int = (column: AnyPgColumn) => sql<number>`coalesce(sum(${column}), 0)::int`;
  return db
    .select({
      bucket: bucket.mapWith(table.hour),
      escalating: int(table.escalating),
      acknowledged: int(table.acknowledged),
      resolved: int(table.resolved),
      failed: int(table.failed),
      cancelled: int(table.cancelled),
      ackedRuns: int(table.ackedRuns),
      mttaMsSum: sql<number>`coalesce(sum(${table.mttaMsSum}), 0)`.mapWith(Number),
      mttrRuns: int(table.mttrRuns),
      mttrMsSum: sql<number>`coalesce(sum(${table.mttrMsSum}), 0)`.mapWith(Number),
      sent: int(table.messagesSent),
      failedMessages: int(table.messagesFailed),
    })
    .from(table)
    .where(and(...rollupConditions(scope, span, table)))
    .groupBy(bucket);
}

function latencyFacts(db: Db | Tx, scope: FactScope, span: Span, window: BucketWindow, table: LatencyRollupTable) {
  const bucket = binOf(window, sql`${table.hour}`);
  return db
    .select({
      bucket: bucket.mapWith(table.hour),
      latencyBucket: table.bucket,
      messages: sql<number>`sum(${table.messages})::int`,
    })
    .from(table)
    .where(and(...rollupConditions(scope, span, table)))
    .groupBy(bucket, table.bucket);
}

/**
 * The facts of whole hours, from the rollup: its folded rows plus the deltas the fold job has not
 * taken yet (server/runs/rollup-fold.ts), so the figures are exact at any moment. Read in one
 * snapshot (collectFacts), a fold in between is seen wholly or not at all.
 */
export async function rolledUp(db: Db | Tx, scope: FactScope, span: Span, window: BucketWindow) {
  // bucketFacts adds rows of one bucket together: folded and pending rows need no merging here.
  const factRows: FactRow[] = [
    ...(await rollupFacts(db, scope, span, window, runRollups)),
    ...(await rollupFacts(db, scope, span, window, runRollupDeltas)),
  ];
  const latencyRows: LatencyRow[] = [
    ...(await latencyFacts(db, scope, span, window, runLatencyRollups)),
    ...(await latencyFacts(db, scope, span, window, runLatencyRollupDeltas)),
  ];
  return { factRows, latencyRows };
}

/** The same facts computed from runs and deliveries: for the edge hours, and as the reference. */
export async function rawFacts(db: Db | Tx, scope: FactScope, span: Span, window: BucketWindow) {
  const runConditions: SQL[] = [eq(runs.workspaceId, scope.workspaceId), gte(runs.createdAt, span.from)];
  if (span.until) runConditions.push(lt(runs.createdAt, span.until));
  if (scope.flowId) runConditions.push(eq(runs.flowId, scope.flowId));
  if (scope.integrationId) {
    runConditions.push(
      sql`exists (select 1 from ${deliveries} where ${deliveries.runId} = ${runs.id} and ${deliveries.integrationId} = ${scope.integrationId})`,
    );
  }
  const messageConditions: SQL[] = [
    eq(deliveries.workspaceId, scope.workspaceId),
    gte(deliveries.createdAt, span.from),
    inArray(deliveries.status, ["delivered", "failed"]),
  ];
  if (span.until) messageConditions.push(lt(deliveries.createdAt, span.until));
  if (scope.flowId) messageConditions.push(eq(deliveries.flowId, scope.flowId));
  if (scope.integrationId) messageConditions.push(eq(deliveries.integrationId, scope.integrationId));

  const runBin = binOf(window, sql`${runs.createdAt}`);
  const status = (s: RunStatus) => sql<number>`(count(*) filter (where ${runs.status} = ${s}))::int`;
  const runRows = db
    .select({
      bucket: runBin.mapWith(runs.createdAt),
      escalating: status("escalating"),
      acknowledged: status("acknowledged"),
      resolved: status("resolved"),
      failed: status("failed"),
      cancelled: status("cancelled"),
      ackedRuns: sql<number>`count(${runs.acknowledgedAt})::int`,
      mttaMsSum: sql<number>`coalesce(sum(${ms(sql`${runs.acknowledgedAt} - ${runs.firstErrorAt}`)}), 0)`.mapWith(
        Number,
      ),
      mttrRuns: sql<number>`(count(*) filter (where ${runs.status} = 'resolved' and ${runs.resolvedAt} is not null))::int`,
      mttrMsSum:
        sql<number>`coalesce(sum(${ms(sql`${runs.resolvedAt} - ${runs.firstErrorAt}`)}) filter (where ${runs.status} = 'resolved'), 0)`.mapWith(
          Number,
        ),
    })
    .from(runs)
    .where(and(...runConditions))
    .groupBy(runBin);
  const messageBin = binOf(window, sql`${deliveries.createdAt}`);
  const latencyBucket = sql<number>`alertflow_latency_bucket(${deliveries.latencyMs})`;
  const messageRows = db
    .select({
      bucket: messageBin.mapWith(deliveries.createdAt),
      latencyBucket,
      sent: sql<number>`(count(*) filter (where ${deliveries.status} = 'delivered'))::int`,
      failedMessages: sql<number>`(count(*) filter (where ${deliveries.status} = 'failed'))::int`,
      timed: sql<number>`count(${deliveries.latencyMs})::int`,
    })
    .from(deliveries)
    .where(and(...messageConditions))
    .groupBy(messageBin, latencyBucket);
  const runFacts = await runRows;
  const messageFacts = await messageRows;
  const factRows: FactRow[] = [
    ...runFacts.map((r) => ({ ...r, sent: 0, failedMessages: 0 })),
    ...messageFacts.map((m) => ({
      ...emptyCounts(),
      bucket: m.bucket,
      sent: m.sent,
      failedMessages: m.failedMessages,
    })),
  ];
  const latencyRows: LatencyRow[] = messageFacts
    .filter((m) => m.timed > 0)
    .map((m) => ({ bucket: m.bucket, latencyBucket: m.latencyBucket, messages: m.timed }));
  return { factRows, latencyRows };
}

const emptyCounts = (): Omit<RunFacts, "latency"> => {
  const { latency: _, ...counts } = emptyFacts();
  return counts;
};

/**
 * Facts per bucket of the window, for the runs created in [from, until): whole hours from the
 * rollup, partial edge hours from the raw tables. Counts and sums are exact; latency is counted
 * per bucket of latency-buckets.ts. Both reads run in one REPEATABLE READ transaction, so a run
 * changing meanwhile is counted once, either side.
 */
export async function collectFacts(db: Db, scope: FactScope, window: BucketWindow, span: Span, now: Date) {
  const { rolled, raw } = splitSpan(span, now);
  const parts = await db.transaction(
    async (tx) => {
      // One connection: one query at a time.
      const reads = [
        ...(rolled ? [() => rolledUp(tx, scope, rolled, window)] : []),
        ...raw.map((s) => () => rawFacts(tx, scope, s, window)),
      ];
      const results = [];
      for (const read of reads) results.push(await read());
      return results;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  return bucketFacts(window, parts);
}

/** One RunFacts per bucket of the window (empty ones included), and the window's totals. */
export function bucketFacts(
  window: BucketWindow,
  parts: readonly { factRows: readonly FactRow[]; latencyRows: readonly LatencyRow[] }[],
) {
  const buckets = Array.from({ length: window.count }, (_, i) => ({
    start: new Date(window.since.getTime() + i * window.bucketMs),
    facts: emptyFacts(),
  }));
  const totals = emptyFacts();
  const at = (bucket: Date) => buckets[(bucket.getTime() - window.since.getTime()) / window.bucketMs];
  for (const { factRows, latencyRows } of parts) {
    for (const { bucket, ...row } of factRows) {
      const target = at(bucket);
      if (!target) continue;
      addFacts(target.facts, row);
      addFacts(totals, row);
    }
    for (const row of latencyRows) {
      const target = at(row.bucket);
      if (!target) continue;
      target.facts.latency[row.latencyBucket] = (target.facts.latency[row.latencyBucket] ?? 0) + row.messages;
      totals.latency[row.latencyBucket] = (totals.latency[row.latencyBucket] ?? 0) + row.messages;
    }
  }
  return { buckets, totals };
}
