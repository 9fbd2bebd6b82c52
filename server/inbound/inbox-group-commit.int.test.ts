import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { createClient } from "~/db/client";
import { incidentInboxes } from "~/db/schema";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { errorAlert, eventually, publishedFlow, runsForFlow, webhook } from "~/test-support/flow-fixtures";

/**
 * Events for an open incident that arrive together are committed together (one statement, one
 * commit), and each request is answered only after that commit: group commit must not weaken
 * what a 202 means. Real Postgres and the endpoint's handler; the inbox row is held locked from
 * another connection so that the appends pile up behind one statement that cannot commit yet.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the inbox's group commit", () => {
  it("answers no append before its commit, and commits the appends that came together in one transaction", async () => {
    const name = "group-commit";
    const hook = await webhook(h, name, "http://127.0.0.1:9/unused");
    const { flowId, token } = await publishedFlow(h, name, singleLevelGraph(hook, { level: 1, afterSeconds: 3600 }));
    expect((await h.postAlert(token, errorAlert(name))).status).toBe(202);
    const [run] = await runsForFlow(h, flowId);
    if (!run) throw new Error("no incident opened");
    // Its workflow started (in the background, after the 202): that start's own update of the row is done.
    await eventually(async () => {
      const [inbox] = await h.db.select().from(incidentInboxes).where(eq(incidentInboxes.id, run.id));
      return inbox?.startInput === null ? true : undefined;
    });

    const holder = createClient(testDatabaseUrl());
    await holder.connect();
    const answered: number[] = [];
    const posts: Promise<{ status: number; json: unknown }>[] = [];
    try {
      await holder.query("begin");
      await holder.query("select 1 from incident_inboxes where id = $1 for update", [run.id]);
      posts.push(
        ...Array.from({ length: 20 }, (_, i) =>
          h.postAlert(token, errorAlert(name)).then((answer) => {
            answered.push(i);
            return answer;
          }),
        ),
      );
      // The first append waits on the lock; the 300 ms below let the others queue behind it.
      await eventually(async () => {
        const { rows } = await holder.query<{ n: string }>(
          "select count(*) as n from pg_locks where locktype = 'transactionid' and not granted",
        );
        return Number(rows[0]?.n ?? 0) > 0 ? true : undefined;
      });
      await sleep(300);
      // Nothing is committed while the lock is held, so nothing may be answered.
      expect(answered).toEqual([]);
    } finally {
      await holder.query("commit");
      await holder.end();
    }
    const answers = await Promise.all(posts);
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(202));
    expect(answers.every((a) => JSON.stringify(a.json).includes('"outcome":"queued"'))).toBe(true);

    const { rows } = await h.db.execute<{ seq: string; tx: string }>(
      sql`select seq, xmin::text as tx from inbox_events where inbox_id = ${run.id} order by seq`,
    );
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // The first statement (waiting on the lock) and one more for the 19 that came meanwhile.
    expect(new Set(rows.map((r) => r.tx)).size).toBeLessThanOrEqual(3);
    const [inbox] = await h.db.select().from(incidentInboxes).where(eq(incidentInboxes.id, run.id));
    expect(inbox?.lastSeq).toBe(20);
  });
});
