import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { createAuth } from "~/server/auth/auth";
import { closeDatabase, reopenDatabase } from "~/test-support/database-outage";
import { startApiServer, type ApiServer } from "~/test-support/api-server";
import { createHarness, type Harness } from "~/test-support/harness";
import { startProxiedDatabase, type ProxiedDatabase } from "~/test-support/postgres-proxy";
import { DATABASE_UNAVAILABLE_MESSAGE } from "./database-unavailable";

/**
 * A Postgres outage seen through tRPC over real HTTP: the answer is a 503 in tRPC's error shape
 * with Retry-After, never a 500, and everything answers again once the database is back. Two
 * real outages: a TCP proxy in front of Postgres that is closed (refused and reset connections),
 * and the database closed to connections with every backend terminated (57P01, then refusals).
 */
const databaseUrl = testDatabaseUrl();

let h: Harness;
let proxied: ProxiedDatabase;
/** Acts as the owner without asking the database: the outage meets the procedure. */
let plain: ApiServer;
/** Identifies callers as the app does: the outage meets the token lookup first. */
let authed: ApiServer;
/** Unknown to the database: 401 while it answers. */
const bearer = `afu_${"x".repeat(43)}`;

beforeAll(async () => {
  h = await createHarness();
  proxied = await startProxiedDatabase(databaseUrl);
  const db = proxied.db;
  const auth = createAuth({
    db,
    publicUrl: "http://127.0.0.1:3997",
    secret: "database-unavailable-int-test-secret-0123456789",
    mail: { smtpUrl: undefined, from: "test@localhost" },
    secureCookies: false,
  });
  plain = await startApiServer({ ...h, db });
  authed = await startApiServer({ ...h, db }, { auth });
});
afterAll(async () => {
  await reopenDatabase(databaseUrl);
  await plain?.close();
  await authed?.close();
  await proxied?.end();
  await h?.close();
});

async function listFlows(server: ApiServer) {
  const response = await fetch(`${server.url}/api/trpc/flows.list?batch=1&input=${encodeURIComponent("{}")}`, {
    headers: { authorization: `Bearer ${bearer}` },
  });
  const body: unknown = await response.json();
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body };
}

async function expectUp() {
  expect((await listFlows(plain)).status).toBe(200);
  expect((await listFlows(authed)).status).toBe(401);
}

async function expectDown() {
  for (const server of [plain, authed]) {
    const down = await listFlows(server);
    expect(down).toMatchObject({ status: 503, retryAfter: "5", body: unavailableShape });
    // The driver's own words (host, port) stay on the server.
    expect(JSON.stringify(down.body)).not.toMatch(/ECONN|127\.0\.0\.1|terminated|5432/);
  }
}

const unavailableShape = [
  {
    error: {
      json: {
        message: DATABASE_UNAVAILABLE_MESSAGE,
        data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, path: "flows.list" },
      },
    },
  },
];

describe("tRPC during a Postgres outage", () => {
  it("answers 503 with Retry-After while the proxy to Postgres is closed, and 200 once it is back", async () => {
    await expectUp();
    await proxied.proxy.close();
    await expectDown();
    await proxied.proxy.open();
    await expectUp();
  });

  it("answers 503 while the database refuses connections and its backends are terminated", async () => {
    await expectUp();
    await closeDatabase(databaseUrl);
    try {
      await expectDown();
    } finally {
      await reopenDatabase(databaseUrl);
    }
    await expectUp();
  });
});
