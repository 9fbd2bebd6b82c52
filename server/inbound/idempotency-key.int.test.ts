import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundIdempotencyKeys } from "~/db/schema";
import { startApiServer, type ApiServer } from "~/test-support/api-server";
import { errorAlert, publishedFlow, webhook } from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { hashToken } from "../flows/endpoint-service";
import { pruneIdempotencyKeys } from "./idempotency-key";
import { workflowIdFor } from "./incident-id";

/**
 * `Idempotency-Key` on `POST /api/alerts/<token>` over real HTTP, with the keys in Postgres and the
 * incidents in Temporal. No worker runs, so no incident inbox opens and every alert that reaches
 * an incident is one `alertEvent` signal in its history: the count of dispatches.
 */
let h: Harness;
let first: ApiServer;
let second: ApiServer;

beforeAll(async () => {
  // New incidents go through Temporal here (not opened at the endpoint, which would start them
  // without a signal and queue later errors in their inbox), so signals count dispatches.
  h = await createHarness({ firstMessageAtIngress: false });
  // Two servers, as two web processes would be: the key is shared through Postgres.
  first = await startApiServer(h);
  second = await startApiServer(h);
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await h?.close();
});

async function endpoint() {
  const hook = await webhook(h, `Idem ${randomUUID()}`, "http://127.0.0.1:9/unused");
  return publishedFlow(h, `Idem ${randomUUID()}`, singleLevelGraph(hook));
}

const post = (server: ApiServer, token: string, body: string, key?: string) =>
  fetch(`${server.url}/api/alerts/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key === undefined ? {} : { "idempotency-key": key }) },
    body,
  });

async function alertSignals(workflowId: string): Promise<number> {
  const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === "alertEvent")
    .length;
}

const terminate = (workflowId: string) =>
  h.client.workflow
    .getHandle(workflowId)
    .terminate("test done")
    .catch(() => undefined);

describe("Idempotency-Key on the inbound endpoint", () => {
  it("replays the first answer to a retry without dispatching again; without a key a retry counts twice", async () => {
    const { flowId, token } = await endpoint();
    const key = `retry-${randomUUID()}`;
    const body = JSON.stringify(errorAlert(key));
    const key1 = randomUUID();

    const answer = await post(first, token, body, key1);
    expect(answer.status).toBe(202);
    const text = await answer.text();
    expect(answer.headers.get("idempotent-replayed")).toBeNull();
    // The retry reaches the other web process, as behind a load balancer.
    const retry = await post(second, token, body, key1);
    expect(retry.status).toBe(202);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.text()).toBe(text);
    const workflowId = workflowIdFor(flowId, key);
    expect(await alertSignals(workflowId)).toBe(1);

    // The control: the same retry without a key is a second event of the incident.
    expect((await post(first, token, body)).status).toBe(202);
    expect((await post(first, token, body)).status).toBe(202);
    expect(await alertSignals(workflowId)).toBe(3);
    await terminate(workflowId);
  });

  it("refuses the same key with a different body with 422 naming the header, and dispatches nothing", async () => {
    const { flowId, token } = await endpoint();
    const key = randomUUID();
    expect((await post(first, token, JSON.stringify(errorAlert("a")), key)).status).toBe(202);
    const reused = await post(first, token, JSON.stringify(errorAlert("b")), key);
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({
      error: "idempotency_key_reused",
      issues: [{ path: "headers.Idempotency-Key" }],
    });
    await expect(h.client.workflow.getHandle(workflowIdFor(flowId, "b")).describe()).rejects.toThrow();
    await terminate(workflowIdFor(flowId, "a"));
  });

  it("dispatches once among concurrent duplicates: the others get 409 with Retry-After or the replay", async () => {
    const { flowId, token } = await endpoint();
    const alertKey = `concurrent-${randomUUID()}`;
    const body = JSON.stringify(errorAlert(alertKey));
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => post(i % 2 ? second : first, token, body, key)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 202).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 202 || s === 409)).toBe(true);
    for (const conflict of answers.filter((a) => a.status === 409)) {
      expect(conflict.headers.get("retry-after")).toBe("1");
      expect(await conflict.json()).toMatchObject({ error: "idempotency_key_in_use" });
    }
    const workflowId = workflowIdFor(flowId, alertKey);
    expect(await alertSignals(workflowId)).toBe(1);
    // Once the first is done, a late duplicate gets its answer.
    const late = await post(first, token, body, key);
    expect(late.status).toBe(202);
    expect(late.headers.get("idempotent-replayed")).toBe("true");
    expect(await alertSignals(workflowId)).toBe(1);
    await terminate(workflowId);
  });

  it("refuses a key too long, empty or not visible ASCII with 400 naming the header", async () => {
    const { token } = await endpoint();
    const body = JSON.stringify(errorAlert("bad-key"));
    for (const key of ["k".repeat(256), " ", "clé-é", "a\tb"]) {
      const answer = await post(first, token, body, key);
      expect(answer.status, JSON.stringify(key)).toBe(400);
      const json: unknown = await answer.json();
      expect(json).toMatchObject({ error: "invalid_idempotency_key", issues: [{ path: "headers.Idempotency-Key" }] });
      expect(JSON.stringify(json)).toContain("Idempotency-Key");
    }
    // 255 visible characters are fine.
    expect((await post(first, token, body, "k".repeat(255))).status).toBe(202);
  });

  it("scopes keys to one endpoint token, gives the key back when the body is refused, and stores only hashes", async () => {
    const a = await endpoint();
    const b = await endpoint();
    // The key is not the alert key: the answer kept for replays names the alert key.
    const alertKey = `scope-${randomUUID()}`;
    const key = `key-${randomUUID()}`;
    const body = JSON.stringify(errorAlert(alertKey));
    expect((await post(first, a.token, body, key)).status).toBe(202);
    const other = await post(first, b.token, body, key);
    expect(other.status).toBe(202);
    expect(other.headers.get("idempotent-replayed")).toBeNull();

    // A refused body dispatched nothing: the corrected body may use the same key.
    const fixKey = randomUUID();
    expect((await post(first, a.token, JSON.stringify({ status: "error" }), fixKey)).status).toBe(400);
    expect((await post(first, a.token, JSON.stringify(errorAlert("fixed")), fixKey)).status).toBe(202);

    const rows = await h.db
      .select()
      .from(inboundIdempotencyKeys)
      .where(eq(inboundIdempotencyKeys.tokenHash, hashToken(a.token)));
    expect(rows).toHaveLength(2);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(fixKey);
    expect(stored).not.toContain(a.token);
    for (const id of [
      workflowIdFor(a.flowId, alertKey),
      workflowIdFor(b.flowId, alertKey),
      workflowIdFor(a.flowId, "fixed"),
    ])
      await terminate(id);
  });

  it("forgets a key after 24 h: it dispatches again, and the prune deletes it", async () => {
    const { flowId, token } = await endpoint();
    const alertKey = `expired-${randomUUID()}`;
    const body = JSON.stringify(errorAlert(alertKey));
    const key = randomUUID();
    expect((await post(first, token, body, key)).status).toBe(202);
    const mine = eq(inboundIdempotencyKeys.tokenHash, hashToken(token));
    await h.db
      .update(inboundIdempotencyKeys)
      .set({ createdAt: sql`now() - interval '24 hours 1 minute'` })
      .where(mine);
    // A key past its day is not replayed, even before the job has run.
    const again = await post(first, token, body, key);
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(await alertSignals(workflowIdFor(flowId, alertKey))).toBe(2);

    await h.db
      .update(inboundIdempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(mine);
    // What the worker's retention job runs (worker/retention-job.int.test.ts checks it does).
    expect(await pruneIdempotencyKeys(h.db)).toBeGreaterThanOrEqual(1);
    expect(await h.db.select().from(inboundIdempotencyKeys).where(mine)).toEqual([]);
    await terminate(workflowIdFor(flowId, alertKey));
  });
});
