import { Client, Connection } from "@temporalio/client";
import { tsToMs } from "@temporalio/common/lib/time";
import pg from "pg";
import { pool } from "./stats";

/**
 * Where a storm's level-2 lateness goes, read from the incidents' Temporal histories (event
 * times are the server's): when each workflow started after its alert, how long its first
 * workflow task waited in the task queue and ran, and for the task that handled level 2 (the
 * first one scheduled at or after the level's due time): how late it was scheduled (its timer
 * fired, or the workflow was only then starting), how long it waited for the worker, and ran.
 */
export interface Level2Timing {
  sampled: number;
  startedAfterAlert: number[];
  firstTaskWait: number[];
  firstTaskRun: number[];
  /** Incidents whose first workflow task completed after level 2 was due. */
  firstTaskAfterDue: number;
  /** Level 2 handled by a timer that fired: fired − due. */
  timerFiredLate: number[];
  level2TaskScheduledLate: number[];
  level2TaskWait: number[];
  level2TaskRun: number[];
}

export async function level2Timing(opts: {
  databaseUrl: string;
  temporalAddress: string;
  keys: readonly string[];
  level2Seconds: number;
  sample: number;
}): Promise<Level2Timing> {
  const step = Math.max(1, Math.floor(opts.keys.length / Math.max(1, opts.sample)));
  const keys = opts.keys.filter((_, i) => i % step === 0).slice(0, opts.sample);
  const db = new pg.Client({ connectionString: opts.databaseUrl });
  await db.connect();
  let runs: { workflow_id: string; at: Date }[];
  try {
    ({ rows: runs } = await db.query<{ workflow_id: string; at: Date }>(
      `select workflow_id, first_error_at as at from runs where alert_key = any($1)`,
      [keys],
    ));
  } finally {
    await db.end();
  }
  const timing: Level2Timing = {
    sampled: 0,
    startedAfterAlert: [],
    firstTaskWait: [],
    firstTaskRun: [],
    firstTaskAfterDue: 0,
    timerFiredLate: [],
    level2TaskScheduledLate: [],
    level2TaskWait: [],
    level2TaskRun: [],
  };
  const connection = await Connection.connect({ address: opts.temporalAddress });
  try {
    const client = new Client({ connection });
    await pool(runs.length, 4, async (i) => {
      const run = runs[i];
      if (!run) return;
      const history = await client.workflow.getHandle(run.workflow_id).fetchHistory();
      const events = (history.events ?? []).map((e) => ({ e, at: tsToMs(e.eventTime) }));
      const due = run.at.getTime() + opts.level2Seconds * 1000;
      const started = events.find(({ e }) => e.workflowExecutionStartedEventAttributes);
      if (started) timing.startedAfterAlert.push(started.at - run.at.getTime());
      const tasks = taskTimes(events);
      // A task that timed out unstarted (its sticky worker gone) is waited for until one is started.
      const ran = (from: number) => tasks.slice(from).find((t) => Number.isFinite(t.started));
      const first = ran(0);
      if (tasks[0] && first) {
        timing.firstTaskWait.push(first.started - tasks[0].scheduled);
        timing.firstTaskRun.push(first.completed - first.started);
        if (first.completed > due) timing.firstTaskAfterDue++;
      }
      const level2At = tasks.findIndex((t) => t.scheduled >= due);
      const level2 = tasks[level2At];
      const level2Ran = ran(level2At);
      if (level2 && level2Ran) {
        timing.level2TaskScheduledLate.push(level2.scheduled - due);
        timing.level2TaskWait.push(level2Ran.started - level2.scheduled);
        timing.level2TaskRun.push(level2Ran.completed - level2Ran.started);
        const fired = events.filter(({ e, at }) => e.timerFiredEventAttributes && at <= level2.scheduled).at(-1);
        if (fired && fired.at >= due - 1000) timing.timerFiredLate.push(fired.at - due);
      }
      timing.sampled++;
    });
  } finally {
    await connection.close();
  }
  return timing;
}

type Timed = {
  e: {
    workflowTaskScheduledEventAttributes?: unknown;
    workflowTaskStartedEventAttributes?: unknown;
    workflowTaskCompletedEventAttributes?: unknown;
    workflowTaskTimedOutEventAttributes?: unknown;
    workflowTaskFailedEventAttributes?: unknown;
  };
  at: number;
};

/** Each workflow task's scheduled, started and completed (or timed out / failed) times, in order. */
function taskTimes(events: Timed[]): { scheduled: number; started: number; completed: number }[] {
  const tasks: { scheduled: number; started: number; completed: number }[] = [];
  let open: { scheduled: number; started: number } | null = null;
  for (const { e, at } of events) {
    if (e.workflowTaskScheduledEventAttributes) open = { scheduled: at, started: Number.NaN };
    else if (e.workflowTaskStartedEventAttributes && open) open.started = at;
    else if (
      (e.workflowTaskCompletedEventAttributes ||
        e.workflowTaskTimedOutEventAttributes ||
        e.workflowTaskFailedEventAttributes) &&
      open
    ) {
      tasks.push({ ...open, completed: at });
      open = null;
    }
  }
  return tasks;
}

/**
 * Why the workflows of lost keys did not send: each one's last failed workflow task (cause and
 * message), counted by kind, e.g. `3× NON_DETERMINISTIC_ERROR: [TMPRL1100] Nondeterminism error…`.
 */
export async function lastTaskFailures(opts: {
  databaseUrl: string;
  temporalAddress: string;
  keys: readonly string[];
}): Promise<string> {
  if (opts.keys.length === 0) return "";
  const db = new pg.Client({ connectionString: opts.databaseUrl });
  await db.connect();
  let rows: { workflow_id: string }[];
  try {
    ({ rows } = await db.query<{ workflow_id: string }>(`select workflow_id from runs where alert_key = any($1)`, [
      opts.keys.slice(0, 50),
    ]));
  } finally {
    await db.end();
  }
  const kinds = new Map<string, number>();
  const connection = await Connection.connect({ address: opts.temporalAddress });
  try {
    const client = new Client({ connection });
    for (const { workflow_id } of rows) {
      const history = await client.workflow.getHandle(workflow_id).fetchHistory();
      const failed = (history.events ?? []).filter((e) => e.workflowTaskFailedEventAttributes).at(-1);
      const attributes = failed?.workflowTaskFailedEventAttributes;
      const kind = attributes
        ? `cause ${String(attributes.cause ?? "?")}: ${(attributes.failure?.message ?? "").slice(0, 140)}`
        : `no failed workflow task (${history.events?.length ?? 0} events)`;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
  } finally {
    await connection.close();
  }
  return [...kinds].map(([kind, n]) => `${n}× ${kind}`).join("; ");
}
