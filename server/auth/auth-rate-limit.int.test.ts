import { randomInt, randomUUID } from "node:crypto";
import { request } from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { createDb } from "~/db/client";
import { authRateLimits } from "~/db/schema";
import { peerAddressHeader, stampPeerAddress } from "~/server/http/peer-address";
import { serveHandler, type ServedHandler } from "~/test-support/serve-handler";
import { createAuth, type AuthSettings } from "./auth";

/**
 * better-auth's limits on sign-in, over real HTTP: counted in Postgres, so two instances (as two
 * web processes would have) share one count per client, and the fourth wrong password within ten
 * seconds is refused with 429 whichever process answers. The client is the socket's peer unless
 * TRUSTED_PROXY_HEADERS names a proxy's header: each test connects from an address of its own
 * on the loopback network (127.x.y.z), so its count is its own.
 */
const { db, pool } = createDb(testDatabaseUrl(), 4);

const ORIGIN = "http://127.0.0.1:3997";
const instance = (settings: Pick<AuthSettings, "trustedProxyHeaders">) =>
  createAuth({
    db,
    publicUrl: ORIGIN,
    secret: "auth-rate-limit-int-test-secret-0123456789",
    mail: { smtpUrl: undefined, from: "test@localhost" },
    secureCookies: false,
    rateLimit: true,
    ...settings,
  });

/** Two "processes" behind one HTTP server each, answering in turn. */
async function serveTwoInstances(settings: Pick<AuthSettings, "trustedProxyHeaders">) {
  const processes = [instance(settings), instance(settings)];
  let turn = 0;
  return serveHandler((req) => {
    const auth = processes[turn++ % processes.length];
    if (!auth) throw new Error("no instance");
    return auth.handler(req);
  });
}

let direct: ServedHandler;
let behindProxy: ServedHandler;
beforeAll(async () => {
  // As instrumentation.ts does in the Next.js server.
  stampPeerAddress();
  direct = await serveTwoInstances({});
  behindProxy = await serveTwoInstances({ trustedProxyHeaders: ["x-forwarded-for"] });
});
afterAll(async () => {
  await Promise.all([direct?.close(), behindProxy?.close()]);
  await pool.end();
});

const loopbackAddress = () => `127.${randomInt(1, 255)}.${randomInt(256)}.${randomInt(1, 255)}`;
const privateAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** A wrong-password sign-in sent from `from` (the socket's local address) with `headers`. */
function signIn(server: ServedHandler, from: string, headers: Record<string, string> = {}) {
  const body = JSON.stringify({ email: `nobody-${randomUUID()}@example.test`, password: "not the password" });
  return new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
    const req = request(
      `${server.url}/api/auth/sign-in/email`,
      {
        method: "POST",
        localAddress: from,
        headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
      },
      (res) => {
        res.resume();
        const retryAfter = res.headers["x-retry-after"];
        res.on("end", () => resolve({ status: res.statusCode ?? 0, retryAfter: retryAfter?.toString() }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const countFor = async (ip: string) =>
  (
    await db
      .select()
      .from(authRateLimits)
      .where(eq(authRateLimits.key, `${ip}|/sign-in/email`))
  )[0]?.count;

describe("sign-in rate limit", () => {
  it("counts per socket peer by default: a new X-Forwarded-For (or a forged peer header) on each attempt does not escape it", async () => {
    const from = loopbackAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const answer = await signIn(direct, from, {
        "x-forwarded-for": privateAddress(),
        // Even the header the stamp writes, had its name leaked, is written over.
        [peerAddressHeader()]: privateAddress(),
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await signIn(direct, from, { "x-forwarded-for": privateAddress() });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // Shared by both instances through the database, under the socket's address.
    expect(await countFor(from)).toBe(3);
    // Another client has its own count.
    expect((await signIn(direct, loopbackAddress())).status).toBe(401);
  });

  it("with TRUSTED_PROXY_HEADERS=x-forwarded-for counts per the proxy's header", async () => {
    // One proxy (one socket address) in front of every client.
    const proxy = loopbackAddress();
    const client = privateAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn(behindProxy, proxy, { "x-forwarded-for": client })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(await countFor(client)).toBe(3);
    // Another client behind the same proxy has its own count.
    expect((await signIn(behindProxy, proxy, { "x-forwarded-for": privateAddress() })).status).toBe(401);
    // A request that reached the app past the proxy is known by its socket.
    expect((await signIn(behindProxy, proxy)).status).toBe(401);
    expect(await countFor(proxy)).toBe(1);
  });
});
