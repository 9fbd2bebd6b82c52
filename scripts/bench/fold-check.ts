import { Client, Connection } from "@temporalio/client";
import pg from "pg";

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
}): Promise<{ applied: number; appliedAfterMs: number; signals: number; pokes: number }> {
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
    try {
      const client = new Client({ connection });
      for (const { workflow_id } of rows) {
        const history = await client.workflow.getHandle(workflow_id).fetchHistory();
        for (const event of history.events ?? []) {
          const name = event.workflowExecutionSignaledEventAttributes?.signalName;
          if (!name) continue;
          signals++;
          if (name === "inboxPoke") pokes++;
        }
      }
    } finally {
      await connection.close();
    }
    return { applied, appliedAfterMs, signals, pokes };
  } finally {
    await db.end();
  }
}
