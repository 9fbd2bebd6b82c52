import { randomInt, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "~/db/client";
import { authRateLimits } from "~/db/schema";
import { createAuth } from "./auth";

/**
 * better-auth's limits on sign-in are counted in Postgres: two instances (as two web processes
 * would have) share one count per client address, and the fourth wrong password within ten
 * seconds is refused with 429 whichever process answers.
 */
const { db, pool } = createDb(inject("databaseUrl"), 4);
afterAll(() => pool.end());

const ORIGIN = "http://127.0.0.1:3997";
const instance = () =>
  createAuth({
    db,
    publicUrl: ORIGIN,
    secret: "auth-rate-limit-int-test-secret-0123456789",
    mail: { smtpUrl: undefined, from: "test@localhost" },
    secureCookies: false,
    rateLimit: true,
  });
const processes = [instance(), instance()];

function signIn(which: number, ip: string) {
  const auth = processes[which % processes.length];
  if (!auth) throw new Error("no instance");
  return auth.handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": ip },
      body: JSON.stringify({ email: `nobody-${randomUUID()}@example.test`, password: "not the password" }),
    }),
  );
}

describe("sign-in rate limit", () => {
  it("is shared by every process through the database", async () => {
    const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn(i, ip)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await signIn(0, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("x-retry-after"))).toBeGreaterThan(0);

    const [row] = await db
      .select()
      .from(authRateLimits)
      .where(eq(authRateLimits.key, `${ip}|/sign-in/email`));
    expect(row?.count).toBe(3);
    // Another address has its own count.
    expect((await signIn(1, `${ip.split(".").slice(0, 3).join(".")}.0`)).status).toBe(401);
  });
});
