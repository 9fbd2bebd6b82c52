import { randomUUID } from "node:crypto";
import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimitBuckets } from "~/db/schema";
import { startApiServer, type ApiServer } from "~/test-support/api-server";
import { errorAlert, publishedFlow, webhook } from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { postRaw } from "~/test-support/raw-http";

/**
 * The inbound endpoints' per-token limit over real HTTP, with the bucket in Postgres: two API
 * servers (as two web processes would) share one budget per token.
 */
let h: Harness;
let first: ApiServer;
let second: ApiServer;
const LIMIT = { burst: 4, perSecond: 0.5 };

beforeAll(async () => {
  h = await createHarness();
  first = await startApiServer(h, { inboundRateLimit: LIMIT });
  second = await startApiServer(h, { inboundRateLimit: LIMIT });
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await h?.close();
});

async function endpointToken() {
  const hook = await webhook(h, `Limited ${randomUUID()}`, "http://127.0.0.1:9/unused");
  return (await publishedFlow(h, `Limited ${randomUUID()}`, singleLevelGraph(hook))).token;
}

const send = (server: ApiServer, token: string) =>
  postRaw(`${server.url}/api/alerts/${token}`, JSON.stringify(errorAlert(`rl-${token.slice(-6)}`)));

const inboundBuckets = async () =>
  (
    await h.db
      .select({ key: rateLimitBuckets.key })
      .from(rateLimitBuckets)
      .where(like(rateLimitBuckets.key, "inbound:%"))
  ).length;

describe("inbound rate limit", () => {
  it("lets a burst through, then answers 429 with Retry-After and a JSON body, across processes", async () => {
    const token = await endpointToken();
    const started = Date.now();
    let accepted = 0;
    let limited: Response | undefined;
    // Alternating between the two servers; stop at the first refusal.
    for (let i = 0; i < LIMIT.burst + 10 && !limited; i++) {
      const response = await fetch(`${(i % 2 ? second : first).url}/api/alerts/${token}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(errorAlert("burst")),
      });
      if (response.status === 202) accepted++;
      else limited = response;
    }
    // The burst, plus what refilled meanwhile at the sustained rate.
    const refilled = ((Date.now() - started) / 1000) * LIMIT.perSecond;
    expect(accepted).toBeGreaterThanOrEqual(LIMIT.burst);
    expect(accepted).toBeLessThanOrEqual(LIMIT.burst + Math.floor(refilled));
    if (!limited) throw new Error("never limited");
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil(1 / LIMIT.perSecond));
    expect(limited.headers.get("content-type")).toBe("application/json");
    expect(await limited.json()).toEqual({
      error: "rate_limited",
      message: `Too many alerts for this endpoint: at most 0.5 per second, in bursts of 4. Retry after ${retryAfter} s.`,
      retryAfterSeconds: retryAfter,
    });

    // After Retry-After seconds a token is back.
    await new Promise((r) => setTimeout(r, retryAfter * 1000));
    expect((await send(first, token)).status).toBe(202);
  });

  it("never hands out more than the burst to concurrent requests", async () => {
    const token = await endpointToken();
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => send(i % 2 ? second : first, token)));
    const refilled = ((Date.now() - started) / 1000) * LIMIT.perSecond;
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 202).length).toBeGreaterThanOrEqual(LIMIT.burst);
    expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(LIMIT.burst + Math.floor(refilled));
    expect(statuses.filter((s) => s !== 202).every((s) => s === 429)).toBe(true);
  });

  it("gives each token its own bucket", async () => {
    const [a, b] = [await endpointToken(), await endpointToken()];
    let status = 202;
    for (let i = 0; i < LIMIT.burst + 10 && status === 202; i++) status = (await send(first, a)).status;
    expect(status).toBe(429);
    expect((await send(first, b)).status).toBe(202);
  });

  it("answers the uniform 401 for unknown tokens, however many, and keeps no bucket for them", async () => {
    const before = await inboundBuckets();
    const answers = await Promise.all(
      Array.from({ length: LIMIT.burst * 3 }, () => send(first, `af_${randomUUID().replaceAll("-", "")}`)),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 401));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(await inboundBuckets()).toBe(before);
  });
});
