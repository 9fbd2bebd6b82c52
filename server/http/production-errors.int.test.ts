import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";

/**
 * Errors as production answers them, over real HTTP: no stack, SQL, parameters or driver text
 * reaches a client, while a refusal still names the field. `server/env.ts` reads NODE_ENV once,
 * when first imported, so this file sets it before importing anything of the server.
 */
vi.stubEnv("NODE_ENV", "production");
vi.stubEnv("DATABASE_URL", testDatabaseUrl());
const { env } = await import("~/server/env");
const { createHarness } = await import("~/test-support/harness");
const { startApiServer } = await import("~/test-support/api-server");
const { closeDatabase, reopenDatabase } = await import("~/test-support/database-outage");
const { trpcMutationRaw } = await import("~/test-support/raw-http");
const { DATABASE_UNAVAILABLE_MESSAGE } = await import("./database-unavailable");

type Harness = Awaited<ReturnType<typeof createHarness>>;
let h: Harness;
let server: Awaited<ReturnType<typeof startApiServer>>;
const databaseUrl = testDatabaseUrl();
const databaseName = new URL(databaseUrl).pathname.slice(1);

beforeAll(async () => {
  h = await createHarness();
  server = await startApiServer(h);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await reopenDatabase(databaseUrl);
  await server?.close();
  await h?.close();
});

/** What must never reach a client: stack frames, SQL, bound parameters, driver and database names. */
const LEAKS = [
  /stack/i,
  /\bat .*\.[jt]s:\d+/,
  /Failed query/i,
  /\bselect\b/i,
  /params/i,
  /\bpg\b|postgres/i,
  /drizzle/i,
];
const expectNoLeak = (text: string) => {
  for (const leak of LEAKS) expect(text).not.toMatch(leak);
  expect(text).not.toContain(databaseName);
};

describe("production errors", () => {
  it("runs in production mode", () => {
    expect(env.NODE_ENV).toBe("production");
  });

  it("keep a refusal's message naming the field, without a stack", async () => {
    const answer = await trpcMutationRaw(server.url, "integrations.create", '{"type":"webhook","name":"a\\u0000b"}');
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("name: contains U+0000 (NUL), which cannot be stored");
    expectNoLeak(answer.text);
  });

  describe("while the database refuses connections", () => {
    beforeAll(() => closeDatabase(databaseUrl));
    afterAll(() => reopenDatabase(databaseUrl));

    it("tRPC answers 503 'database unavailable', without the driver's text", async () => {
      const response = await fetch(`${server.url}/api/trpc/integrations.list`);
      const text = await response.text();
      expect(response.status).toBe(503);
      expect(text).toContain(DATABASE_UNAVAILABLE_MESSAGE);
      expectNoLeak(text);
    });

    it("a tRPC mutation too, and each call of a batch", async () => {
      const mutation = await trpcMutationRaw(server.url, "flows.create", '{"name":"Down","description":""}');
      expect(mutation.status).toBe(503);
      expectNoLeak(mutation.text);
      const batch = await fetch(`${server.url}/api/trpc/integrations.list,flows.list?batch=1&input={}`);
      const text = await batch.text();
      expect(batch.status).toBe(503);
      expect(text.split(DATABASE_UNAVAILABLE_MESSAGE)).toHaveLength(3);
      expectNoLeak(text);
    });

    it("the inbound endpoint answers 503 with Retry-After and no driver text", async () => {
      const response = await fetch(`${server.url}/api/alerts/some-token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"key":"k","status":"error"}',
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("10");
      expect(await response.json()).toEqual({
        error: "unavailable",
        message: "The database is unavailable; the alert was not accepted. Retry later.",
      });
    });

    it("/api/health reports degraded with each part's state only", async () => {
      const response = await fetch(`${server.url}/api/health`);
      expect(response.status).toBe(503);
      const body: unknown = await response.json();
      expect(body).toEqual({ status: "degraded", ok: false, checks: { database: "unreachable", temporal: "ok" } });
    });
  });
});
