import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { createDb } from "~/db/client";
import { users } from "~/db/schema";
import { eventually } from "~/test-support/flow-fixtures";
import { startMailCatcher, type MailCatcher } from "~/test-support/mail-catcher";
import { createAuth, type Auth } from "./auth";

const { db, pool } = createDb(testDatabaseUrl(), 2);
const origin = "http://127.0.0.1:3997";
let catcher: MailCatcher;
let auth: Auth;

beforeAll(async () => {
  catcher = await startMailCatcher();
  auth = createAuth({
    db,
    publicUrl: origin,
    secret: "reset-mail-int-test-secret-0123456789abcdef",
    mail: { smtpUrl: catcher.url, from: "alertflow@example.test" },
    secureCookies: false,
  });
});
afterAll(async () => {
  await catcher.close();
  await pool.end();
});

async function userWith(locale: string | null) {
  const email = `reset-${randomUUID()}@example.test`;
  const { user } = await auth.api.signUpEmail({
    body: { name: "Rita", email, password: "a long enough password" },
    headers: new Headers({ origin }),
  });
  await db.update(users).set({ locale }).where(eq(users.id, user.id));
  return email;
}

/** Asks for a reset link over HTTP, as the forgot-password page does, from a browser speaking `acceptLanguage`. */
async function resetMailFor(email: string, acceptLanguage: string) {
  const response = await auth.handler(
    new Request(`${origin}/api/auth/request-password-reset`, {
      method: "POST",
      headers: { origin, "content-type": "application/json", "accept-language": acceptLanguage },
      body: JSON.stringify({ email, redirectTo: "/reset-password" }),
    }),
  );
  expect(response.status).toBe(200);
  return eventually(async () => catcher.received.find((m) => m.to === email), 10_000, `mail to ${email}`);
}

describe("the password-reset mail", () => {
  it("is written in the profile's language, whatever the browser asking for it speaks", async () => {
    const mail = await resetMailFor(await userWith("fr"), "nl-BE,nl;q=0.9");
    expect(mail.subject).toBe("Réinitialisez votre mot de passe Alertflow");
    expect(mail.text).toContain("Ouvrez ce lien dans l’heure pour en choisir un nouveau :");
    expect(mail.text).toMatch(/http:\/\/127\.0\.0\.1:3997\/api\/auth\/reset-password\/\S+/);
  });

  it("follows the browser that asked for it when the profile chose no language", async () => {
    const mail = await resetMailFor(await userWith(null), "nl-BE,nl;q=0.9,en;q=0.5");
    expect(mail.subject).toBe("Herstel je Alertflow-wachtwoord");
    expect(mail.text).toContain("Open deze link binnen een uur om een nieuw te kiezen:");
  });

  it("falls back to English for a browser speaking none of the three", async () => {
    const mail = await resetMailFor(await userWith(null), "de-DE");
    expect(mail.subject).toBe("Reset your Alertflow password");
  });
});
