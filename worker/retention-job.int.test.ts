import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundIdempotencyKeys } from "~/db/schema";
import { hashToken } from "~/server/flows/endpoint-service";
import { eventually, publishedFlow, webhook } from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { startRetentionJob } from "./retention-job";

/** The retention job as the worker starts it, against real Postgres. */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("retention job", () => {
  it("forgets inbound Idempotency-Keys older than 24 h and keeps younger ones", async () => {
    const hook = await webhook(h, `Retention ${randomUUID()}`, "http://127.0.0.1:9/unused");
    const { token } = await publishedFlow(h, `Retention ${randomUUID()}`, singleLevelGraph(hook));
    const tokenHash = hashToken(token);
    const row = (keyHash: string, hoursAgo: number) => ({
      tokenHash,
      keyHash,
      requestHash: "r",
      status: 202,
      response: "{}",
      createdAt: sql`now() - make_interval(hours => ${hoursAgo})`,
    });
    await h.db.insert(inboundIdempotencyKeys).values([row("old", 25), row("young", 23)]);

    const stop = startRetentionJob(h.db, { firstAfterMs: 0, everyMs: 3_600_000 });
    try {
      const left = await eventually(async () => {
        const keys = await h.db
          .select({ keyHash: inboundIdempotencyKeys.keyHash })
          .from(inboundIdempotencyKeys)
          .where(eq(inboundIdempotencyKeys.tokenHash, tokenHash));
        return keys.length === 1 ? keys : undefined;
      }, 10_000);
      expect(left).toEqual([{ keyHash: "young" }]);
    } finally {
      stop();
    }
  });
});
