import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flows, users } from "~/db/schema";
import { createApiToken } from "~/server/auth/api-tokens";
import { createAuth } from "~/server/auth/auth";
import { createWorkspace } from "~/server/auth/workspace-service";
import { startApiServer, type ApiServer } from "~/test-support/api-server";
import { createHarness, type Harness } from "~/test-support/harness";

/**
 * Cross-site request forgery over real HTTP: a mutation riding on the session cookie is refused
 * unless the browser says it comes from the app's own origin; API tokens are not affected.
 */
let h: Harness;
let server: ApiServer;
let cookie: string;
let bearer: string;
let workspaceId: string;
let userId: string | undefined;

const AUTH_ORIGIN = "http://127.0.0.1:3998";

beforeAll(async () => {
  h = await createHarness();
  const auth = createAuth({
    db: h.db,
    publicUrl: AUTH_ORIGIN,
    secret: "cross-site-int-test-secret-0123456789abcdef",
    mail: { smtpUrl: undefined, from: "test@localhost" },
    secureCookies: false,
  });
  server = await startApiServer(h, { auth });
  const { headers, response } = await auth.api.signUpEmail({
    body: { name: "Csrf Owner", email: `csrf-${randomUUID()}@example.test`, password: "a long enough password" },
    headers: new Headers({ origin: AUTH_ORIGIN }),
    returnHeaders: true,
  });
  cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const sessionId = (await auth.api.getSession({ headers: new Headers({ cookie }) }))?.session.id;
  userId = response.user.id;
  const ws = await createWorkspace(db(), { userId: response.user.id, sessionId }, "Csrf");
  workspaceId = ws.id;
  const actor = { userId: response.user.id, name: "Csrf Owner" };
  ({ token: bearer } = await createApiToken(
    { db: db(), workspaceId, actor, role: "owner" },
    { name: "ci", role: "owner" },
  ));
});
afterAll(async () => {
  // The accounts test's first-run setup needs a database where nobody can sign in yet.
  if (userId) await h.db.delete(users).where(eq(users.id, userId));
  await server?.close();
  await h?.close();
});

const db = () => h.db;

/** `flows.create` with these headers; returns the status and whether the flow now exists. */
async function createFlow(headers: Record<string, string>) {
  const name = `csrf ${randomUUID()}`;
  const response = await fetch(`${server.url}/api/trpc/flows.create`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ json: { name, description: "" } }),
  });
  const body = await response.text();
  const stored = await h.db
    .select({ id: flows.id })
    .from(flows)
    .where(and(eq(flows.name, name), eq(flows.workspaceId, workspaceId)));
  return { status: response.status, body, created: stored.length === 1 };
}

describe("cookie-authenticated mutations", () => {
  it("are refused with 403 from another origin, and change nothing", async () => {
    const cases: Record<string, string>[] = [
      { cookie, origin: "https://evil.example" },
      { cookie, origin: "http://127.0.0.1:1" },
      { cookie, "sec-fetch-site": "cross-site" },
      { cookie, "sec-fetch-site": "same-site" },
      { cookie, origin: "null" },
      { cookie, referer: "https://evil.example/page" },
      // A cookie and no word on where the request came from: not a browser page of the app.
      { cookie },
    ];
    for (const headers of cases) {
      const answer = await createFlow(headers);
      expect([answer.status, answer.created], JSON.stringify(headers)).toEqual([403, false]);
      expect(answer.body).toContain("Cross-site request refused");
    }
  });

  it("are accepted from the app's own origin", async () => {
    const cases: Record<string, string>[] = [
      { cookie, origin: server.url },
      { cookie, origin: "null", "sec-fetch-site": "same-origin" },
      { cookie, "sec-fetch-site": "same-origin" },
      { cookie, referer: `${server.url}/flows` },
    ];
    for (const headers of cases) {
      const answer = await createFlow(headers);
      expect([answer.status, answer.created], JSON.stringify(headers)).toEqual([200, true]);
    }
  });

  it("queries stay readable cross-site (the browser keeps the answer from the other site)", async () => {
    const response = await fetch(`${server.url}/api/trpc/flows.list`, {
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(response.status).toBe(200);
  });
});

describe("requests that are not cookie-authenticated", () => {
  it("a bearer API token acts from anywhere, even with a cookie beside it", async () => {
    const answer = await createFlow({ authorization: `Bearer ${bearer}`, origin: "https://evil.example", cookie });
    expect([answer.status, answer.created]).toEqual([200, true]);
  });

  it("an inbound alert endpoint answers as before to a cross-site caller", async () => {
    const response = await fetch(`${server.url}/api/alerts/not-a-token`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example", cookie },
      body: '{"key":"k","status":"error"}',
    });
    expect(response.status).toBe(401);
  });
});
