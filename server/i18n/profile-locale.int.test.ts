import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { createDb } from "~/db/client";
import { users } from "~/db/schema";
import { createAuth } from "../auth/auth";
import { profileLocaleFor } from "./profile-locale";
import { saveProfileLocale } from "./save-profile-locale";

const { db, pool } = createDb(testDatabaseUrl(), 2);
afterAll(() => pool.end());
const auth = createAuth({
  db,
  publicUrl: "http://127.0.0.1:3998",
  secret: "profile-locale-int-test-secret-0123456789",
  mail: { smtpUrl: undefined, from: "test@localhost" },
  secureCookies: false,
});
const origin = { origin: "http://127.0.0.1:3998" };

async function signUp() {
  const email = `locale-${randomUUID()}@example.test`;
  const { headers, response } = await auth.api.signUpEmail({
    body: { name: "Lotte", email, password: "a long enough password" },
    headers: new Headers(origin),
    returnHeaders: true,
  });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { userId: response.user.id, headers: new Headers({ ...origin, cookie }) };
}

describe("the profile language", () => {
  it("follows the browser until chosen, then comes with the session until cleared", async () => {
    const { userId, headers } = await signUp();
    expect(await profileLocaleFor(auth, headers)).toBeNull();

    await saveProfileLocale(db, userId, "nl");
    expect(await profileLocaleFor(auth, headers)).toBe("nl");
    const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
    expect(row?.locale).toBe("nl");

    await saveProfileLocale(db, userId, null);
    expect(await profileLocaleFor(auth, headers)).toBeNull();
  });

  it("is unknown for a signed-out or forged cookie, and another user's choice never leaks", async () => {
    const other = await signUp();
    await saveProfileLocale(db, other.userId, "fr");
    const mine = await signUp();
    expect(await profileLocaleFor(auth, mine.headers)).toBeNull();
    expect(await profileLocaleFor(auth, new Headers(origin))).toBeUndefined();
    expect(
      await profileLocaleFor(auth, new Headers({ ...origin, cookie: "alertflow.session_token=forged.sig" })),
    ).toBeUndefined();
  });

  it("never takes a value that is no interface language, even if one got stored", async () => {
    const { userId, headers } = await signUp();
    await db.update(users).set({ locale: "de" }).where(eq(users.id, userId));
    expect(await profileLocaleFor(auth, headers)).toBeNull();
  });
});
