import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { createDb } from "~/db/client";
import { accounts } from "~/db/schema";
import { contextForIdentity } from "../context";
import { createApiToken, revokeApiToken } from "./api-tokens";
import { createAuth } from "./auth";
import { runFirstSetup } from "./first-run";
import { identify } from "./identity";
import { acceptInvitation, createInvitation } from "./invitations";
import { removeMember } from "./members";
import { createWorkspace } from "./workspace-service";

const { db, pool } = createDb(testDatabaseUrl(), 4);
afterAll(() => pool.end());
// First-run setup is open only while nobody can sign in; other files share this database and
// leave sign-in credentials behind, whatever order vitest runs them in.
beforeAll(() => db.delete(accounts));
const auth = createAuth({
  db,
  publicUrl: "http://127.0.0.1:3999",
  secret: "accounts-int-test-secret-0123456789abcdef",
  mail: { smtpUrl: undefined, from: "test@localhost" },
  secureCookies: false,
});
const origin = { origin: "http://127.0.0.1:3999" };

/** The Cookie header a browser would send back after these Set-Cookie headers. */
const cookieFrom = (headers: Headers) =>
  headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

async function signUp(name: string) {
  const email = `${name.toLowerCase()}-${randomUUID()}@example.test`;
  const { headers } = await auth.api.signUpEmail({
    body: { name, email, password: "a long enough password" },
    headers: new Headers(origin),
    returnHeaders: true,
  });
  return new Headers({ ...origin, cookie: cookieFrom(headers) });
}

const contextOf = async (headers: Headers) => contextForIdentity(db, await identify(auth, db, headers));

describe("accounts", () => {
  it("sets up the first owner once, signed in by the cookie it returns", async () => {
    const resHeaders = new Headers();
    const setup = await runFirstSetup(
      { db, auth, resHeaders },
      { name: "Olivia", email: "olivia@example.test", password: "a long enough password", workspaceName: "Ops" },
    );
    const cookie = cookieFrom(resHeaders);
    expect(cookie).toMatch(/alertflow\.session_token=/);
    expect(resHeaders.getSetCookie()[0]).toMatch(/HttpOnly/i);
    expect(resHeaders.getSetCookie()[0]).toMatch(/SameSite=Lax/i);
    const ctx = await contextOf(new Headers({ cookie }));
    expect(ctx).toMatchObject({ workspaceId: setup.workspaceId, role: "owner", actor: { name: "Olivia" } });

    await expect(
      runFirstSetup(
        { db, auth },
        { name: "Mallory", email: "mallory@example.test", password: "a long enough password", workspaceName: "X" },
      ),
    ).rejects.toThrow(/set up already/);
  });

  it("answers anonymous for no cookie, a forged cookie and an unknown bearer token", async () => {
    for (const headers of [
      new Headers(),
      new Headers({ cookie: "alertflow.session_token=forged.signature" }),
      new Headers({ authorization: "Bearer afu_unknown" }),
    ]) {
      expect((await contextOf(headers)).role).toBe("anonymous");
    }
  });

  it("joins by an invitation link once, and loses access and tokens when removed", async () => {
    const ownerHeaders = await signUp("Owen");
    const owner = await contextOf(ownerHeaders);
    expect(owner.role).toBe("user");
    const ws = await createWorkspace(db, { userId: owner.actor.userId ?? "" }, "Team");
    const ownerScope = { db, workspaceId: ws.id, actor: owner.actor, role: "owner" as const };

    const invite = await createInvitation(ownerScope, { role: "viewer", note: "Vic" });
    const token = invite.path.split("/").pop() ?? "";
    const viewerHeaders = await signUp("Vic");
    const viewer = await contextOf(viewerHeaders);
    await acceptInvitation(db, { userId: viewer.actor.userId ?? "", name: viewer.actor.name }, token);
    expect(await contextOf(viewerHeaders)).toMatchObject({ workspaceId: ws.id, role: "viewer" });

    const intruderHeaders = await signUp("Ivy");
    const intruder = await contextOf(intruderHeaders);
    await expect(
      acceptInvitation(db, { userId: intruder.actor.userId ?? "", name: intruder.actor.name }, token),
    ).rejects.toThrow(/used/);
    expect((await contextOf(intruderHeaders)).role).toBe("user");

    // A viewer's token acts as a viewer; it cannot be made an editor's.
    const viewerScope = { db, workspaceId: ws.id, actor: viewer.actor, role: "viewer" as const };
    await expect(createApiToken(viewerScope, { name: "ci", role: "editor" })).rejects.toThrow(/cannot create/);
    const { token: apiToken, id } = await createApiToken(viewerScope, { name: "ci", role: "viewer" });
    const bearer = new Headers({ authorization: `Bearer ${apiToken}` });
    const byToken = await contextOf(bearer);
    expect(byToken).toMatchObject({ workspaceId: ws.id, role: "viewer" });
    expect(byToken.sessionId).toBeUndefined();

    await removeMember(ownerScope, viewer.actor.userId ?? "");
    expect((await contextOf(bearer)).role).toBe("anonymous");
    expect((await contextOf(viewerHeaders)).role).toBe("user");
    await expect(revokeApiToken(ownerScope, id)).rejects.toThrow(/not found/);
  });

  it("refuses to remove or demote the last owner", async () => {
    const headers = await signUp("Solo");
    const solo = await contextOf(headers);
    const ws = await createWorkspace(db, { userId: solo.actor.userId ?? "" }, "Solo");
    await expect(removeMember({ db, workspaceId: ws.id, actor: solo.actor }, solo.actor.userId ?? "")).rejects.toThrow(
      /at least one owner/,
    );
  });
});
