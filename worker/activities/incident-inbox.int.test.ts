import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { minimalAlert } from "~/core/alerts/alert";
import { inboxEvents, incidentInboxes, runs } from "~/db/schema";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { publishedFlow, webhook } from "~/test-support/flow-fixtures";
import { createClient } from "~/db/client";
import { eventually } from "~/test-support/flow-fixtures";
import { CLOSED_INBOX_KEPT_HOURS, pruneClosedInboxes, takeInboxEvents } from "./incident-inbox";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A published flow's alert, and a run row of it (with workflow id `wf-<run id>`) per call. */
async function runRows(name: string) {
  const integrationId = await webhook(h, name, "http://127.0.0.1:9/unused");
  const { flowId } = await publishedFlow(h, name, singleLevelGraph(integrationId));
  const flowVersionId = (await h.api.flows.get({ flowId })).published?.id ?? "";
  const alert = minimalAlert({ key: "k", status: "error", summary: "s", occurredAt: new Date().toISOString() });
  const insertRun = async () => {
    const id = randomUUID();
    await h.db.insert(runs).values({
      id,
      workspaceId: h.workspaceId,
      flowId,
      flowVersionId,
      alertKey: `k-${id}`,
      workflowId: `wf-${id}`,
      firstErrorAt: new Date(),
      alert,
    });
    return id;
  };
  return { alert, insertRun };
}

describe("pruning closed incident inboxes", () => {
  it("deletes the events of inboxes closed more than a day ago, and keeps open and recently closed ones", async () => {
    const { alert, insertRun } = await runRows("Inbox prune");
    const inbox = async (closedHoursAgo: number | null) => {
      const id = await insertRun();
      await h.db.insert(incidentInboxes).values({
        id,
        workflowId: `wf-${id}`,
        lastSeq: 2,
        closedAt: closedHoursAgo === null ? null : sql`now() - make_interval(hours => ${closedHoursAgo})`,
      });
      await h.db
        .insert(inboxEvents)
        .values([1, 2].map((seq) => ({ inboxId: id, seq, event: { alert, receivedAt: new Date().toISOString() } })));
      return id;
    };
    const open = await inbox(null);
    const recent = await inbox(CLOSED_INBOX_KEPT_HOURS - 1);
    const old = await inbox(CLOSED_INBOX_KEPT_HOURS + 1);

    expect(await pruneClosedInboxes(h.db)).toBeGreaterThanOrEqual(2);
    const left = await h.db
      .select({ inboxId: inboxEvents.inboxId })
      .from(inboxEvents)
      .where(inArray(inboxEvents.inboxId, [open, recent, old]));
    expect(left.filter((e) => e.inboxId === open)).toHaveLength(2);
    expect(left.filter((e) => e.inboxId === recent)).toHaveLength(2);
    expect(left.filter((e) => e.inboxId === old)).toHaveLength(0);
    // The inbox row stays with its run (retention deletes both with the run).
    expect(await h.db.select().from(incidentInboxes).where(eq(incidentInboxes.id, old))).toHaveLength(1);
  });
});

describe("taking an inbox's events", () => {
  it("reads the event of an append that committed while the take waited for the inbox's lock", async () => {
    const { alert, insertRun } = await runRows("Inbox take");
    const id = await insertRun();
    await h.db.insert(incidentInboxes).values({ id, workflowId: `wf-${id}`, pokedAt: new Date() });

    // An append holding the inbox's lock, as the endpoint's statement does until it commits.
    const appender = createClient(testDatabaseUrl());
    await appender.connect();
    let taking: ReturnType<typeof takeInboxEvents> | undefined;
    try {
      await appender.query("begin");
      await appender.query("update incident_inboxes set last_seq = 1 where id = $1", [id]);
      await appender.query("insert into inbox_events (inbox_id, seq, event) values ($1, 1, $2)", [
        id,
        JSON.stringify({ alert, receivedAt: new Date().toISOString() }),
      ]);
      // The take begins (its snapshot from before the append's commit) and waits for the lock.
      taking = takeInboxEvents(h.db, { inboxId: id, afterSeq: 0 });
      await eventually(async () => {
        const { rows } = await appender.query<{ n: string }>(
          "select count(*) as n from pg_locks where locktype = 'transactionid' and not granted",
        );
        return Number(rows[0]?.n ?? 0) > 0 ? true : undefined;
      });
    } finally {
      await appender.query("commit");
      await appender.end();
    }
    const taken = await taking;
    expect(taken?.events.map((e) => e.seq)).toEqual([1]);
    expect(taken?.lastSeq).toBe(1);
    // Read, so the mark is cleared: the next append pokes.
    const [inbox] = await h.db.select().from(incidentInboxes).where(eq(incidentInboxes.id, id));
    expect(inbox?.pokedAt).toBeNull();
  });
});
