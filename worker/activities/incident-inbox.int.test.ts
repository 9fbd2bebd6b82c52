import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minimalAlert } from "~/core/alerts/alert";
import { inboxEvents, incidentInboxes, runs } from "~/db/schema";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { publishedFlow, webhook } from "~/test-support/flow-fixtures";
import { CLOSED_INBOX_KEPT_HOURS, pruneClosedInboxes } from "./incident-inbox";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("pruning closed incident inboxes", () => {
  it("deletes the events of inboxes closed more than a day ago, and keeps open and recently closed ones", async () => {
    const integrationId = await webhook(h, "Inbox prune", "http://127.0.0.1:9/unused");
    const { flowId } = await publishedFlow(h, "Inbox prune", singleLevelGraph(integrationId));
    const flowVersionId = (await h.api.flows.get({ flowId })).published?.id ?? "";
    const alert = minimalAlert({ key: "k", status: "error", summary: "s", occurredAt: new Date().toISOString() });
    const inbox = async (closedHoursAgo: number | null) => {
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
