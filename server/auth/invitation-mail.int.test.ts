import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "~/db/schema";
import { createContextInner } from "~/server/context";
import { createCaller } from "~/server/routers/_app";
import { eventually } from "~/test-support/flow-fixtures";
import { createHarness, TEST_KEYRING, type Harness } from "~/test-support/harness";
import { startMailCatcher, type MailCatcher } from "~/test-support/mail-catcher";
import { previewInvitation } from "./invitations";
import type { MailSettings } from "./account-mail";
import { createWorkspace } from "./workspace-service";

/** Invitations go out through the configured SMTP server, a real one here, and the link still shows. */
const PUBLIC_URL = "http://alertflow.example.test:3000";
let catcher: MailCatcher;
let smtpUrl: string;
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
  // A mailbox the server refuses, as a real one does for an unknown user.
  catcher = await startMailCatcher({ refuses: (address) => address.startsWith("refused-") });
  smtpUrl = catcher.url;
});
afterAll(async () => {
  await catcher?.close();
  await h?.close();
});

/** An owner with `locale` on their profile, in a workspace of their own, calling the API with this mail setup. */
async function ownerCaller(locale: string | null, settings: MailSettings, acceptLanguage = "en") {
  const [user] = await h.db
    .insert(users)
    .values({ name: "Odile", email: `odile-${randomUUID()}@example.test`, locale })
    .returning({ id: users.id });
  if (!user) throw new Error("no user");
  const ws = await createWorkspace(h.db, { userId: user.id }, `Équipe "Nuit" ${randomUUID().slice(0, 4)}`);
  return createCaller(
    createContextInner({
      db: h.db,
      temporal: h.client,
      taskQueue: h.taskQueue,
      workspaceId: ws.id,
      role: "owner",
      actor: { userId: user.id, name: "Odile" },
      keyring: TEST_KEYRING,
      outboundAllowList: [],
      mail: { settings, publicUrl: PUBLIC_URL, headers: new Headers({ "accept-language": acceptLanguage }) },
    }),
  );
}

const mailTo = (email: string) =>
  eventually(async () => catcher.received.find((m) => m.to === email), 10_000, `mail to ${email}`);

describe("an invitation", () => {
  it("is emailed in the inviter's language with a link that works, and the link is still returned", async () => {
    const api = await ownerCaller("fr", { smtpUrl, from: "alertflow@example.test" }, "nl");
    const email = `new-${randomUUID()}@example.test`;
    const invitation = await api.members.invite({ role: "editor", email });
    expect(invitation).toMatchObject({ mail: "sent", note: email, role: "editor" });
    const mail = await mailTo(email);
    expect(mail.subject).toMatch(/^Odile vous invite dans Équipe "Nuit" \w+ sur Alertflow$/);
    expect(mail.text).toContain("en tant que Éditeur");
    const url = `${PUBLIC_URL}${invitation.path}`;
    expect(mail.text).toContain(url);
    const token = invitation.path.replace("/invite/", "");
    expect(await previewInvitation(h.db, token)).toMatchObject({ state: "valid", role: "editor" });
  });

  it("follows the request's language when the inviter's profile names none", async () => {
    const api = await ownerCaller(null, { smtpUrl, from: "alertflow@example.test" }, "nl-BE,nl;q=0.9");
    const email = `nieuw-${randomUUID()}@example.test`;
    await api.members.invite({ role: "viewer", email });
    expect((await mailTo(email)).subject).toMatch(/^Odile nodigt je uit voor /);
  });

  it("is still created, with its link, when the mail server refuses the address or none is configured", async () => {
    const refused = await ownerCaller("en", { smtpUrl, from: "alertflow@example.test" });
    const bounced = await refused.members.invite({ role: "viewer", email: `refused-${randomUUID()}@example.test` });
    expect(bounced.mail).toBe("failed");
    expect(bounced.path).toMatch(/^\/invite\/afi_/);

    const unconfigured = await ownerCaller("en", { smtpUrl: undefined, from: "alertflow@example.test" });
    const email = `nosmtp-${randomUUID()}@example.test`;
    const kept = await unconfigured.members.invite({ role: "viewer", email });
    expect(kept.mail).toBe("unconfigured");
    expect((await unconfigured.members.invitations()).map((i) => i.note)).toContain(email);
  });

  it("refuses an address that is not one (no header injection through the recipient)", async () => {
    const api = await ownerCaller("en", { smtpUrl, from: "alertflow@example.test" });
    for (const email of ["a@b.test, victim@c.test", "a@b.test\r\nBcc: victim@c.test", "not an address"]) {
      await expect(api.members.invite({ role: "viewer", email })).rejects.toThrow(/email address/);
    }
    expect(catcher.received.some((m) => m.to.includes("victim"))).toBe(false);
  });

  it("without an address is only a link, as before", async () => {
    const api = await ownerCaller("en", { smtpUrl, from: "alertflow@example.test" });
    const before = catcher.received.length;
    expect((await api.members.invite({ role: "viewer" })).mail).toBe("none");
    expect(catcher.received.length).toBe(before);
  });
});
