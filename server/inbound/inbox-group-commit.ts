import { onePer } from "~/core/one-per";
import { sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { storableJson } from "~/core/wire/storable-text";
import { isConnectionError } from "~/db/connection-retry";
import { executePrepared } from "~/db/prepared-query";
import type { AlertEvent } from "~/workflows/messages";

export interface Appended {
  inboxId: string;
  seq: number;
  /**
   * This append found the inbox unpoked and marked it, or it is an Ok (which must not wait for a
   * busy incident's paced drain): its caller owes the workflow a poke, an urgent one. Not while
   * the endpoint that opened the incident is still starting its workflow: it drains the inbox
   * when it starts, and the re-poke job pokes what came between that drain and the start.
   */
  poke: boolean;
}

export interface InboxAppend {
  workflowId: string;
  event: AlertEvent;
}

/** Bounds on one statement: the appends of about as many requests as a web process serves at once. */
const MAX_APPENDS = 128;
const MAX_BYTES = 4 * 1024 * 1024;

/** An append with its event already as the JSON text Postgres stores. */
interface EncodedAppend {
  workflowId: string;
  json: string;
}

const encode = (append: InboxAppend): EncodedAppend => ({
  workflowId: append.workflowId,
  json: storableJson(append.event),
});

/**
 * Commits alert events to the inboxes of the incidents open under their workflow ids, in one
 * statement: one round trip and one commit (one WAL flush) for all of them. Per append, in order:
 * where it went, or null when no incident is open under its workflow id.
 *
 * It takes the inbox rows' locks (in id order, so two such statements never wait on each other
 * in a cycle), which orders appends to one incident: `seq` follows commit order, so a workflow
 * that applied through seq n never needs anything at or below n again (that is how a re-read
 * batch is not applied twice), and several appends to one inbox here take consecutive seqs in
 * their order. The lock also orders appends against the workflow's drain, which clears `poked_at`
 * under the same lock: an append either lands before the drain reads, or finds the inbox
 * unpoked and pokes; only the first append of an inbox here can find it so. An Ok pokes whatever
 * it finds: a busy incident keeps its inbox marked between paced drains, and its Ok is not paced.
 */
export async function appendToOpenInboxes(db: Db, appends: readonly InboxAppend[]): Promise<(Appended | null)[]> {
  return appendEncoded(db, appends.map(encode));
}

async function appendEncoded(db: Db, appends: readonly EncodedAppend[]): Promise<(Appended | null)[]> {
  const input = `[${appends.map((a) => `{"w":${JSON.stringify(a.workflowId)},"e":${a.json}}`).join(",")}]`;
  const workflowIds = [...new Set(appends.map((a) => a.workflowId))];
  const rows = await executePrepared<{ ord: string; inbox_id: string; seq: string; poke: boolean }>(
    db,
    sql`
    with input as (
      select e->>'w' as workflow_id, e->'e' as event, ord
      from jsonb_array_elements(${input}::jsonb) with ordinality as t(e, ord)
    ), open_inbox as (
      select id, workflow_id, last_seq, poked_at, start_input is not null as starting from incident_inboxes
      where workflow_id = any(${sql.param(workflowIds)}::text[]) and closed_at is null
      order by id
      for update
    ), numbered as (
      select input.ord, o.id, input.event,
        o.last_seq + row_number() over (partition by o.id order by input.ord) as seq,
        not o.starting and (
          row_number() over (partition by o.id order by input.ord) = 1 and o.poked_at is null
          or input.event->'alert'->>'status' = 'ok'
        ) as poke
      from input join open_inbox o on o.workflow_id = input.workflow_id
    ), bumped as (
      update incident_inboxes i
      set last_seq = o.last_seq + n.appended, poked_at = coalesce(o.poked_at, clock_timestamp())
      from open_inbox o join (select id, count(*) as appended from numbered group by id) n on n.id = o.id
      where i.id = o.id
    ), inserted as (
      insert into inbox_events (inbox_id, seq, event) select id, seq, event from numbered
    )
    select ord, id as inbox_id, seq, poke from numbered`,
  );
  const byOrd = new Map(rows.map((row) => [Number(row.ord), row]));
  return appends.map((_, index) => {
    const row = byOrd.get(index + 1);
    return row ? { inboxId: row.inbox_id, seq: Number(row.seq), poke: row.poke } : null;
  });
}

interface Waiting {
  append: EncodedAppend;
  resolve: (appended: Appended | null) => void;
  reject: (error: unknown) => void;
}

export interface InboxGroupCommit {
  /** Resolves once the event is committed (or found no open incident); rejects if its statement failed. */
  append(append: InboxAppend): Promise<Appended | null>;
}

/**
 * Group commit for one web process. Appends wait for the statement in flight, if any, then go
 * together in the next one: under load, the requests that arrive during one commit share the
 * next (one statement, one commit, one WAL flush, instead of one each). A lone append goes in the
 * same turn of the event loop, so a request alone waits for nothing more than before. Each caller
 * is answered only once its statement has committed: a 202 still means the event is in Postgres.
 */
export function createInboxGroupCommit(db: Db): InboxGroupCommit {
  let waiting: Waiting[] = [];
  let flushing = false;

  const takeBatch = (): Waiting[] => {
    let bytes = 0;
    let count = 0;
    for (const w of waiting) {
      if (count > 0 && (count >= MAX_APPENDS || bytes + w.append.json.length > MAX_BYTES)) break;
      bytes += w.append.json.length;
      count++;
    }
    const batch = waiting.slice(0, count);
    waiting = waiting.slice(count);
    return batch;
  };

  const run = async (batch: Waiting[]): Promise<void> => {
    try {
      const appended = await appendEncoded(
        db,
        batch.map((w) => w.append),
      );
      batch.forEach((w, i) => w.resolve(appended[i] ?? null));
    } catch (error) {
      if (batch.length === 1 || isConnectionError(error)) {
        for (const w of batch) w.reject(error);
        return;
      }
      // One event Postgres refuses must not fail the requests it shared a statement with: each
      // goes again alone, and fails or commits on its own. The failed statement committed nothing.
      await Promise.all(batch.map((w) => run([w])));
    }
  };

  const flush = async () => {
    try {
      while (waiting.length > 0) await run(takeBatch());
    } finally {
      flushing = false;
    }
  };

  return {
    append(append) {
      return new Promise<Appended | null>((resolve, reject) => {
        waiting.push({ append: encode(append), resolve, reject });
        if (flushing) return;
        flushing = true;
        // Later in this turn of the event loop: the requests whose bodies came in the same read join this one.
        setImmediate(() => void flush());
      });
    },
  };
}

/** The group commit of this process's database client. */
export const inboxGroupCommitFor = onePer(createInboxGroupCommit);
