import { randomUUID } from "node:crypto";
import { eq, like } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { createDb } from "~/db/client";
import { users } from "~/db/schema";
import { createAuth, SIGN_UP_BY_INVITATION_ONLY } from "./auth";
import { acceptInvitation, createInvitation } from "./invitations";
import type { SignUpPolicy } from "./sign-up-policy";
import { signUpOffered } from "./sign-up-open";
import { createWorkspace } from "./workspace-service";

/** Sign-up by invitation only: a browser's sign-up must return to a live invitation link. */
const { db, pool } = createDb(testDatabaseUrl(), 4);
const RUN = randomUUID().slice(0, 8);
// The accounts test's first-run setup needs a database where nobody can sign in yet: the users
// made here go again (their credentials with them), whichever order the files run in.
afterAll(async () => {
  await db.delete(users).where(like(users.email, `%-${RUN}-%@example.test`));
  await pool.end();
});

const ORIGIN = "http://127.0.0.1:3996";
const authWith = (signUp: SignUpPolicy) =>
  createAuth({
    db,
    publicUrl: ORIGIN,
    secret: "sign-up-policy-int-test-secret-0123456789",
    mail: { smtpUrl: undefined, from: "test@localhost" },
    secureCookies: false,
    signUp,
  });
const closed = authWith("invitation");
const open = authWith("open");

/** A sign-up as the form sends it, returning to `callbackURL`. */
async function signUp(auth: ReturnType<typeof authWith>, callbackURL?: string) {
  const email = `policy-${RUN}-${randomUUID()}@example.test`;
  const response = await auth.handler(
    new Request(`${ORIGIN}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN },
      body: JSON.stringify({ name: "Newcomer", email, password: "a long enough password", callbackURL }),
    }),
  );
  const created = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email));
  return { status: response.status, body: await response.text(), user: created[0] };
}

async function invitation() {
  const { user } = await closed.api.signUpEmail({
    body: { name: "Owner", email: `owner-${RUN}-${randomUUID()}@example.test`, password: "a long enough password" },
  });
  const actor = { userId: user.id, name: "Owner" };
  const ws = await createWorkspace(db, { userId: actor.userId }, "Invite only");
  const invite = await createInvitation({ db, workspaceId: ws.id, actor }, { role: "viewer", note: "" });
  return invite.path;
}

describe("sign-up by invitation only", () => {
  it("refuses a browser's sign-up without a live invitation, and creates no user", async () => {
    for (const callbackURL of [
      undefined,
      "/welcome",
      "/invite/afi_not-a-real-token",
      "https://evil.example/invite/x",
    ]) {
      const answer = await signUp(closed, callbackURL);
      expect([answer.status, answer.user], String(callbackURL)).toEqual([403, undefined]);
      expect(answer.body).toContain(SIGN_UP_BY_INVITATION_ONLY);
    }
  });

  it("lets the holder of a live invitation sign up, once the link is used no more", async () => {
    const path = await invitation();
    const invited = await signUp(closed, path);
    expect(invited.status).toBe(200);
    if (!invited.user) throw new Error("no user");
    await acceptInvitation(db, { userId: invited.user.id, name: invited.user.name }, path.split("/").pop() ?? "");
    const again = await signUp(closed, path);
    expect([again.status, again.user]).toEqual([403, undefined]);
  });

  it("leaves the server's own sign-up (first-run setup) alone, and open sign-up open", async () => {
    const { user } = await closed.api.signUpEmail({
      body: { name: "Setup", email: `setup-${RUN}-${randomUUID()}@example.test`, password: "a long enough password" },
    });
    expect(user.id).toBeTruthy();
    expect((await signUp(open)).status).toBe(200);
    // The form always names where it returns to.
    expect((await signUp(open, "/welcome")).status).toBe(200);
  });
});

describe("what the sign-up and sign-in pages offer before anyone submits", () => {
  it("offers the form to everyone when open, and by invitation only with a live invitation to return to", async () => {
    expect(await signUpOffered(db, "open", undefined)).toBe(true);
    for (const next of [undefined, "/welcome", "/invite/afi_not-a-real-token", "https://evil.example/invite/x"]) {
      expect(await signUpOffered(db, "invitation", next), String(next)).toBe(false);
    }
    const path = await invitation();
    expect(await signUpOffered(db, "invitation", path)).toBe(true);
    const invited = await signUp(closed, path);
    if (!invited.user) throw new Error("no user");
    await acceptInvitation(db, { userId: invited.user.id, name: invited.user.name }, path.split("/").pop() ?? "");
    // Used: the page says sign-up is closed, as the server would on submit.
    expect(await signUpOffered(db, "invitation", path)).toBe(false);
  });
});
