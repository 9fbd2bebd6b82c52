import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/core/accounts/access";
import { auditLog, flowVersions, memberships, runs, users, workspaces } from "~/db/schema";
import { createContextInner } from "~/server/context";
import { createCaller } from "~/server/routers/_app";
import { errorAlert, eventually } from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, TEST_KEYRING, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";

/**
 * Every audited action goes through the real routers, as a named person of a workspace of its
 * own, and the rows it leaves are read back from Postgres.
 */
let h: Harness;
let workspaceId: string;
let target: Receiver;
const ROUTING_KEY = `rk-canary-${randomUUID()}`;
const NEW_ROUTING_KEY = `rk-canary-new-${randomUUID()}`;
let down = true;

interface Person {
  userId: string;
  name: string;
}
const people: Record<"owner" | "editor" | "viewer", Person> = {
  owner: { userId: "", name: "" },
  editor: { userId: "", name: "" },
  viewer: { userId: "", name: "" },
};

async function newUser(name: string): Promise<Person> {
  const [user] = await h.db
    .insert(users)
    .values({ name, email: `${randomUUID()}@audit.test` })
    .returning({ id: users.id });
  if (!user) throw new Error("no user");
  return { userId: user.id, name };
}

/** A signed-in person (session cookie) with `role` in the test's workspace; "user" has none yet. */
function as(person: Person, role: Role | "user") {
  return createCaller(
    createContextInner({
      db: h.db,
      temporal: h.client,
      taskQueue: h.taskQueue,
      workspaceId: role === "user" ? randomUUID() : workspaceId,
      role,
      actor: { userId: person.userId, name: person.name },
      keyring: TEST_KEYRING,
      outboundAllowList: ["127.0.0.1", "localhost"],
      sessionId: `session-${person.userId}`,
    }),
  );
}

const entries = () =>
  h.db.select().from(auditLog).where(eq(auditLog.workspaceId, workspaceId)).orderBy(asc(auditLog.at));
const entriesOf = async (action: string) => (await entries()).filter((e) => e.action === action);

beforeAll(async () => {
  h = await createHarness();
  await h.startWorker();
  target = await startReceiver(() => (down ? { status: 400, body: "refused" } : { status: 202, body: "ok" }));
  const [ws] = await h.db
    .insert(workspaces)
    .values({ name: "Audit", slug: `audit-${randomUUID()}` })
    .returning({ id: workspaces.id });
  if (!ws) throw new Error("no workspace");
  workspaceId = ws.id;
  for (const [role, name] of [
    ["owner", "Olga Owner"],
    ["editor", "Eddie Editor"],
    ["viewer", "Vera Viewer"],
  ] as const) {
    people[role] = await newUser(name);
    await h.db.insert(memberships).values({ workspaceId, userId: people[role].userId, role });
  }
}, 120_000);

afterAll(async () => {
  await target?.close();
  await h?.close();
});

describe("audit log", () => {
  it("records integration changes by secret field name, never the value", async () => {
    const editor = as(people.editor, "editor");
    const created = await editor.integrations.create({
      type: "pagerduty",
      name: "Pager",
      variables: {},
      secrets: { RoutingKey: ROUTING_KEY },
    });
    await editor.integrations.update({
      integrationId: created.id,
      name: "Pager (EU)",
      secrets: { RoutingKey: NEW_ROUTING_KEY },
    });
    await editor.integrations.setEnabled({ integrationId: created.id, enabled: false });
    await editor.integrations.delete({ integrationId: created.id });

    const rows = (await entries()).filter((e) => e.targetId === created.id);
    expect(rows.map((r) => [r.action, r.actorName, r.actorId])).toEqual([
      ["integration.created", "Eddie Editor", people.editor.userId],
      ["integration.updated", "Eddie Editor", people.editor.userId],
      ["integration.updated", "Eddie Editor", people.editor.userId],
      ["integration.deleted", "Eddie Editor", people.editor.userId],
    ]);
    expect(rows[0]?.detail).toMatchObject({ name: "Pager", type: "pagerduty", secretsSet: ["RoutingKey"] });
    expect(rows[1]?.detail).toEqual({ name: "Pager (EU)", changed: ["name"], secretsChanged: ["RoutingKey"] });
    expect(rows[2]?.detail).toMatchObject({ changed: ["enabled"], enabled: false });
    // Neither value appears in any stored entry, in any of the usual encodings.
    const stored = JSON.stringify(await h.db.execute(sql`select * from audit_log`));
    for (const secret of [ROUTING_KEY, NEW_ROUTING_KEY]) {
      for (const form of [
        secret,
        Buffer.from(secret).toString("base64"),
        Buffer.from(secret).toString("hex"),
        encodeURIComponent(secret),
      ]) {
        expect(stored).not.toContain(form);
      }
    }
    // An update that leaves the secret alone names no secret.
    const again = await editor.integrations.create({
      type: "pagerduty",
      name: "Pager 2",
      variables: {},
      secrets: { RoutingKey: ROUTING_KEY },
    });
    await editor.integrations.update({ integrationId: again.id, name: "Pager 3" });
    const [update] = (await entriesOf("integration.updated")).filter((e) => e.targetId === again.id);
    expect(update?.detail).toEqual({ name: "Pager 3", changed: ["name"], secretsChanged: [] });
  });

  it("records publish, restore and inbound tokens with the author, on the version too", async () => {
    const editor = as(people.editor, "editor");
    const hook = await editor.integrations.create({
      type: "webhook",
      name: "Hook",
      variables: { ApiUrl: `${target.url}/hook` },
    });
    const flow = await editor.flows.create({ name: "Checkout", graph: singleLevelGraph(hook.id) });
    const v1 = await editor.flows.publish({ flowId: flow.id, note: "first" });
    const [version] = await h.db.select().from(flowVersions).where(eq(flowVersions.id, v1.id));
    expect(version?.authorId).toBe(people.editor.userId);

    const { revision } = await editor.flows.get({ flowId: flow.id });
    const restored = await editor.flows.restoreVersion({ flowId: flow.id, versionId: v1.id, baseRevision: revision });
    expect(restored.revision).toBe(revision + 1);
    await expect(
      editor.flows.restoreVersion({ flowId: flow.id, versionId: v1.id, baseRevision: revision }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const versions = await as(people.viewer, "viewer").flows.versions({ flowId: flow.id });
    expect(versions.map((v) => [v.version, v.authorName])).toEqual([[1, "Eddie Editor"]]);

    const endpoint = await editor.flows.createEndpoint({ flowId: flow.id });
    await editor.flows.revokeEndpoint({ flowId: flow.id, endpointId: endpoint.id });
    const tokenRows = (await entries()).filter((e) => e.targetId === endpoint.id);
    expect(tokenRows.map((r) => [r.action, r.actorName])).toEqual([
      ["endpoint.created", "Eddie Editor"],
      ["endpoint.revoked", "Eddie Editor"],
    ]);
    expect(tokenRows[0]?.detail).toEqual({ flowId: flow.id, flowName: "Checkout" });
    expect(JSON.stringify(tokenRows)).not.toContain(endpoint.token);

    const template = await editor.templates.saveFromFlow({
      flowId: flow.id,
      name: "Shared",
      description: "",
      tags: [],
    });
    const link = await editor.templates.createShareLink({ templateId: template.templateId });
    await editor.templates.revokeShareLink({ templateId: template.templateId, linkId: link.id });
    const linkRows = (await entries()).filter((e) => e.targetId === link.id);
    expect(linkRows.map((r) => [r.action, r.actorName, r.detail])).toEqual([
      ["share_link.created", "Eddie Editor", { templateId: template.templateId, templateName: "Shared" }],
      ["share_link.revoked", "Eddie Editor", { templateId: template.templateId, templateName: "Shared" }],
    ]);
    expect(JSON.stringify(linkRows)).not.toContain(link.token);

    const rows = (await entries()).filter((e) => e.targetId === flow.id);
    expect(rows.map((r) => [r.action, r.actorName, r.targetType])).toEqual([
      ["flow.published", "Eddie Editor", "flow"],
      ["flow.restored", "Eddie Editor", "flow"],
    ]);
    expect(rows[0]?.detail).toMatchObject({ flowName: "Checkout", version: 1, note: "first" });
    expect(rows[1]?.detail).toMatchObject({ flowName: "Checkout", version: 1, versionId: v1.id });
  });

  it("records invitations, membership changes and API tokens with who did them", async () => {
    const owner = as(people.owner, "owner");
    const invite = await owner.members.invite({ role: "editor", note: "newbie@example.test" });
    const newbie = await newUser("Nina Newbie");
    await as(newbie, "user").account.acceptInvitation({ token: invite.path.split("/").pop() ?? "" });
    await owner.members.setRole({ userId: newbie.userId, role: "viewer" });
    // The same role again changes nothing and records nothing.
    await owner.members.setRole({ userId: newbie.userId, role: "viewer" });
    const token = await as(newbie, "viewer").tokens.create({ name: "ci", role: "viewer" });
    await owner.members.remove({ userId: newbie.userId });
    const unused = await owner.members.invite({ role: "viewer", note: "" });
    await owner.members.revokeInvitation({ invitationId: unused.id });
    const own = await as(people.viewer, "viewer").tokens.create({ name: "laptop", role: "viewer" });
    await as(people.viewer, "viewer").tokens.revoke({ tokenId: own.id });

    const rows = (await entries()).filter((e) => ["member", "invitation", "token"].includes(e.targetType));
    expect(rows.map((r) => [r.action, r.actorName])).toEqual([
      ["member.invited", "Olga Owner"],
      ["invitation.accepted", "Nina Newbie"],
      ["member.role_changed", "Olga Owner"],
      ["token.created", "Nina Newbie"],
      ["member.removed", "Olga Owner"],
      ["member.invited", "Olga Owner"],
      ["invitation.revoked", "Olga Owner"],
      ["token.created", "Vera Viewer"],
      ["token.revoked", "Vera Viewer"],
    ]);
    expect(rows[0]).toMatchObject({
      targetType: "invitation",
      targetId: invite.id,
      detail: { role: "editor", note: "newbie@example.test" },
    });
    expect(rows[1]).toMatchObject({ actorId: newbie.userId, targetId: invite.id, detail: { role: "editor" } });
    expect(rows[2]?.detail).toMatchObject({ name: "Nina Newbie", from: "editor", to: "viewer" });
    expect(rows[3]).toMatchObject({ targetId: token.id, detail: { name: "ci", role: "viewer" } });
    expect(rows[4]?.detail).toMatchObject({ name: "Nina Newbie", role: "viewer", tokensRevoked: 1 });
    // The token's value is never recorded.
    expect(JSON.stringify(rows)).not.toContain(token.token);
    expect(JSON.stringify(rows)).not.toContain(invite.path);
  });

  it("records acknowledge, resolve, cancel, re-send and re-run of runs by the real actor", async () => {
    const editor = as(people.editor, "editor");
    const viewer = as(people.viewer, "viewer");
    const hook = await editor.integrations.create({
      type: "webhook",
      name: "Refusing hook",
      variables: { ApiUrl: `${target.url}/runs` },
    });
    const flow = await editor.flows.create({ name: "Runs", graph: singleLevelGraph(hook.id) });
    await editor.flows.publish({ flowId: flow.id, note: "" });
    const { token } = await editor.flows.createEndpoint({ flowId: flow.id });
    const runOf = (key: string) =>
      eventually(async () => {
        const [row] = await h.db.select().from(runs).where(eq(runs.alertKey, key));
        return row?.flowId === flow.id ? row : undefined;
      }, 15_000);

    const ackKey = `ack-${randomUUID()}`;
    await h.postAlert(token, errorAlert(ackKey));
    const ackRun = await runOf(ackKey);
    // A 400 is final: the Error fails at once, so there is a failed delivery to re-send.
    const failed = await eventually(async () => {
      const page = await editor.runs.failedDeliveries({ flowId: flow.id, limit: 10 });
      return page.items.find((d) => d.runId === ackRun.id);
    }, 15_000);
    await viewer.runs.acknowledge({ runId: ackRun.id, note: "on it" });
    down = false;
    await editor.runs.resend({ deliveryIds: [failed.id] });
    await viewer.runs.resolve({ runId: ackRun.id });
    // It ends (as failed: its Error was never delivered by the engine itself) and may be re-run.
    await eventually(async () => {
      const [row] = await h.db.select().from(runs).where(eq(runs.id, ackRun.id));
      return row && row.status !== "escalating" && row.status !== "acknowledged" ? row : undefined;
    });
    const { runId: rerunId } = await editor.runs.rerun({ runId: ackRun.id });
    await eventually(async () => {
      const [row] = await h.db.select().from(runs).where(eq(runs.id, rerunId));
      return row;
    });
    await editor.runs.cancel({ runId: rerunId });

    const rows = (await entries()).filter((e) => e.targetType === "run");
    expect(rows.map((r) => [r.action, r.actorName, r.actorId, r.targetId])).toEqual([
      ["run.acknowledged", "Vera Viewer", people.viewer.userId, ackRun.id],
      ["run.resent", "Eddie Editor", people.editor.userId, ackRun.id],
      ["run.resolved", "Vera Viewer", people.viewer.userId, ackRun.id],
      ["run.rerun", "Eddie Editor", people.editor.userId, ackRun.id],
      ["run.cancelled", "Eddie Editor", people.editor.userId, rerunId],
    ]);
    expect(rows[0]?.detail).toEqual({ alertKey: ackKey, flowId: flow.id, source: "ui", note: "on it" });
    expect(rows[1]?.detail).toEqual({ deliveries: [{ deliveryId: failed.id, outcome: "delivered" }] });
    expect(rows[3]?.detail).toMatchObject({ newRunId: rerunId, version: 1 });
  }, 60_000);

  it("records which workspace settings an owner changed, and the allow-list's added and removed hosts", async () => {
    const owner = as(people.owner, "owner");
    const settings = { name: "Audit", retentionDays: 30, timeZone: "UTC", outboundAllowList: ["10.0.0.0/8"] };
    await owner.workspace.updateSettings(settings);
    await owner.workspace.updateSettings({ ...settings, timeZone: "Europe/Paris", outboundAllowList: ["hooks.lan"] });
    // Saving without a change records nothing.
    await owner.workspace.updateSettings({ ...settings, timeZone: "Europe/Paris", outboundAllowList: ["hooks.lan"] });
    const rows = await entriesOf("workspace.updated");
    expect(rows.map((r) => [r.actorName, r.targetId, r.detail])).toEqual([
      [
        "Olga Owner",
        workspaceId,
        { changed: ["retentionDays", "outboundAllowList"], allowListAdded: ["10.0.0.0/8"], allowListRemoved: [] },
      ],
      [
        "Olga Owner",
        workspaceId,
        { changed: ["timeZone", "outboundAllowList"], allowListAdded: ["hooks.lan"], allowListRemoved: ["10.0.0.0/8"] },
      ],
    ]);
  });

  it("lists entries to owners only, newest first, paged and filtered by action", async () => {
    const owner = as(people.owner, "owner");
    const all = await owner.audit.list({});
    const stored = await entries();
    expect(all.total).toBe(stored.length);
    expect(all.entries[0]?.at.getTime()).toBeGreaterThanOrEqual(all.entries.at(-1)?.at.getTime() ?? 0);
    const page2 = await owner.audit.list({ page: 2, pageSize: 3 });
    const page1 = await owner.audit.list({ page: 1, pageSize: 3 });
    expect(page2.entries).toHaveLength(3);
    expect(page1.entries.map((e) => e.id)).toEqual(all.entries.slice(0, 3).map((e) => e.id));
    expect(page2.entries.map((e) => e.id)).toEqual(all.entries.slice(3, 6).map((e) => e.id));
    const invited = await owner.audit.list({ action: "member.invited" });
    expect(invited.total).toBe(2);
    expect(invited.entries.every((e) => e.action === "member.invited")).toBe(true);
    await expect(as(people.editor, "editor").audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps the log append-only", async () => {
    // Drizzle wraps the database's refusal; the trigger's message is on the cause.
    const refusal = (query: Promise<unknown>) =>
      query.then(
        () => "accepted",
        (err: unknown) => String(err instanceof Error ? err.cause : err),
      );
    expect(await refusal(h.db.execute(sql`update audit_log set actor_name = 'someone else'`))).toMatch(/append-only/);
    expect(await refusal(h.db.execute(sql`delete from audit_log where workspace_id = ${workspaceId}`))).toMatch(
      /append-only/,
    );
    expect(await entries()).not.toHaveLength(0);
  });
});
