import { Client, Connection } from "@temporalio/client";
import pg from "pg";
import { inboxDrainsIn } from "~/test-support/inbox-drains";

/**
 * Waits until every incident opened so far has had its workflow's first task run (its run row
 * carries the Temporal run id, written by the workflow's first write). With the first message
 * sent at the endpoint, the earlier phases answer and page faster than the worker starts their
 * workflows; folding measured on top of that backlog waits behind it (its events applied seconds
 * after the last 202). Returns how long it waited, in ms.
 */
export async function waitForWorkflowsToCatchUp(databaseUrl: string, timeoutMs: number): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const started = performance.now();
  try {
    while (performance.now() - started < timeoutMs) {
      const { rows } = await db.query<{ n: string }>(`select count(*) as n from runs where temporal_run_id is null`);
      if (Number(rows[0]?.n ?? 0) === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return performance.now() - started;
  } finally {
    await db.end();
  }
}

/**
 * After the folding phase: how long until every accepted event was applied by its incident's
 * workflow (its `alert.error` timeline entry is written), and how many Temporal signals the
 * incidents received for them (the inbox pokes, against one signal per event before the inbox).
 */
export async function checkFolding(opts: {
  databaseUrl: string;
  temporalAddress: string;
  prefix: string;
  /** Events accepted, the incidents' first errors included. */
  expected: number;
  timeoutMs: number;
}): Promise<{
  applied: number;
  appliedAfterMs: number;
  signals: number;
  pokes: number;
  /** Inbox drains that found events, the events they read, and the drains that found none. */
  drains: number;
  drained: number;
  emptyDrains: number;
}> {
  const db = new pg.Client({ connectionString: opts.databaseUrl });
  await db.connect();
  const started = performance.now();
  try {
    const count = async () => {
      const { rows } = await db.query<{ n: string }>(
        `select count(*) as n from run_events e join runs r on r.id = e.run_id
         where r.alert_key like $1 and e.type = 'alert.error'`,
        [`${opts.prefix}-%`],
      );
      return Number(rows[0]?.n ?? 0);
    };
    let applied = await count();
    while (applied < opts.expected && performance.now() - started < opts.timeoutMs) {
      await new Promise((r) => setTimeout(r, 100));
      applied = await count();
    }
    const appliedAfterMs = performance.now() - started;
    const { rows } = await db.query<{ workflow_id: string }>(`select workflow_id from runs where alert_key like $1`, [
      `${opts.prefix}-%`,
    ]);
    const connection = await Connection.connect({ address: opts.temporalAddress });
    let signals = 0;
    let pokes = 0;
    let drains = 0;
    let drained = 0;
    let emptyDrains = 0;
    try {
      const client = new Client({ connection });
      for (const { workflow_id } of rows) {
        const history = await client.workflow.getHandle(workflow_id).fetchHistory();
        for (const event of history.events ?? []) if (event.workflowExecutionSignaledEventAttributes) signals++;
        const inbox = inboxDrainsIn(history.events ?? []);
        pokes += inbox.pokes;
        drains += inbox.batches.length;
        drained += inbox.seqs.length;
        emptyDrains += inbox.drains - inbox.batches.length;
      }
    } finally {
      await connection.close();
    }
    return { applied, appliedAfterMs, signals, pokes, drains, drained, emptyDrains };
  } finally {
    await db.end();
  }
}
