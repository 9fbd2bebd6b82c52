import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb } from "~/db/client";
import { users } from "~/db/schema";
import { eventually } from "~/test-support/flow-fixtures";
import { createAuth, type Auth } from "./auth";

const { db, pool } = createDb(inject("databaseUrl"), 2);
const origin = "http://127.0.0.1:3997";
const received: { to: string; subject: string; text: string }[] = [];
let smtp: SMTPServer;
let auth: Auth;

beforeAll(async () => {
  smtp = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      void simpleParser(stream).then((mail) => {
        received.push({
          to: mail.to && !Array.isArray(mail.to) ? mail.to.text : "",
          subject: mail.subject ?? "",
          text: mail.text ?? "",
        });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const address: AddressInfo | string | null = smtp.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  auth = createAuth({
    db,
    publicUrl: origin,
    secret: "reset-mail-int-test-secret-0123456789abcdef",
    mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: "alertflow@example.test" },
    secureCookies: false,
  });
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
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
  return eventually(async () => received.find((m) => m.to === email), 10_000, `mail to ${email}`);
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
