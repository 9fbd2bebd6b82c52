import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sampleAlert } from "~/core/alerts/fixtures/sample-alert";
import { ACCESS_LEVELS, grants, type Access } from "~/core/accounts/access";
import { deliveries, memberships, runs, users, workspaces } from "~/db/schema";
import { createHarness, TEST_KEYRING, type Harness } from "~/test-support/harness";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createContextInner, NO_WORKSPACE } from "../context";
import { appRouter, createCaller } from "./_app";

/**
 * The authorization matrix, generated from the router: every procedure × anonymous, a signed-in
 * user without a workspace, viewer, editor, owner, and the owner of another workspace. A procedure
 * that declares no role, or has no sample input below, fails the test.
 */
let h: Harness;
const people: Partial<Record<Access | "outsider", { userId: string; workspaceId: string }>> = {};
let samples: Record<string, unknown>;
/** Ids of workspace A's rows: none may reach the other workspace's owner. */
let rowIds: string[];

/** What the router says of each procedure, read at runtime (the typed router hides `_def`). */
const procedureDef = z.object({
  type: z.enum(["query", "mutation", "subscription"]),
  meta: z.object({ access: z.string() }).optional(),
});
const procedures = Object.entries(appRouter._def.procedures).map(([path, procedure]) => {
  const def = procedureDef.parse(Reflect.get(procedure, "_def"));
  const access = ACCESS_LEVELS.find((level) => level === def.meta?.access);
  return { path, access, declared: def.meta?.access, type: def.type };
});

/** Procedures whose rows are reached by holding a secret link, whoever you are: by design. */
const LINK_HOLDER = new Set([
  "account.invitation",
  "account.acceptInvitation",
  "templates.shared",
  "templates.useShared",
]);

function callerAs(who: Access | "outsider") {
  const person = who === "anonymous" ? undefined : people[who];
  return createCaller(
    createContextInner({
      db: h.db,
      temporal: h.client,
      taskQueue: h.taskQueue,
      workspaceId: person?.workspaceId ?? NO_WORKSPACE,
      role: who === "outsider" ? "owner" : who,
      actor: { userId: person?.userId ?? null, name: who },
      keyring: TEST_KEYRING,
      outboundAllowList: ["127.0.0.1", "localhost"],
      sessionId: person ? `session-of-${who}` : undefined,
    }),
  );
}

/** Calls `path` on a caller the way the HTTP router would, by name. */
async function call(caller: ReturnType<typeof createCaller>, path: string, input: unknown): Promise<unknown> {
  let node: unknown = caller;
  for (const key of path.split(".")) {
    if ((typeof node !== "object" && typeof node !== "function") || node === null) throw new Error(`no ${path}`);
    node = Reflect.get(node, key);
  }
  if (typeof node !== "function") throw new Error(`${path} is not a procedure`);
  return node(input);
}

async function outcome(promise: Promise<unknown>): Promise<{ ok: true; value: unknown } | { ok: false; code: string }> {
  try {
    return { ok: true, value: await promise };
  } catch (err) {
    const code = typeof err === "object" && err !== null && "code" in err ? String(err.code) : "THROWN";
    return { ok: false, code };
  }
}

async function person(name: string, workspaceId: string, role: "owner" | "editor" | "viewer") {
  const [user] = await h.db
    .insert(users)
    .values({ name, email: `${name}-${randomUUID()}@matrix.test` })
    .returning({ id: users.id });
  if (!user) throw new Error("no user");
  await h.db.insert(memberships).values({ workspaceId, userId: user.id, role });
  return { userId: user.id, workspaceId };
}

beforeAll(async () => {
  h = await createHarness();
  const [a] = await h.db
    .insert(workspaces)
    .values({ name: "A", slug: `a-${randomUUID()}` })
    .returning();
  const [b] = await h.db
    .insert(workspaces)
    .values({ name: "B", slug: `b-${randomUUID()}` })
    .returning();
  if (!a || !b) throw new Error("no workspaces");
  people.owner = await person("owner", a.id, "owner");
  people.editor = await person("editor", a.id, "editor");
  people.viewer = await person("viewer", a.id, "viewer");
  people.outsider = await person("outsider", b.id, "owner");
  const [loner] = await h.db
    .insert(users)
    .values({ name: "loner", email: `loner-${randomUUID()}@matrix.test` })
    .returning();
  if (!loner) throw new Error("no user");
  people.user = { userId: loner.id, workspaceId: NO_WORKSPACE };

  // Workspace A's rows, made by its owner.
  const owner = callerAs("owner");
  const integration = await owner.integrations.create({
    type: "webhook",
    name: "Hook",
    variables: { ApiUrl: "http://127.0.0.1:9/x" },
  });
  const flow = await owner.flows.create({ name: "Flow A", graph: singleLevelGraph(integration.id) });
  const version = await owner.flows.publish({ flowId: flow.id, note: "" });
  const endpoint = await owner.flows.createEndpoint({ flowId: flow.id });
  const [run] = await h.db
    .insert(runs)
    .values({
      workspaceId: a.id,
      flowId: flow.id,
      flowVersionId: version.id,
      alertKey: "matrix",
      workflowId: `flow:${flow.id}:alert:matrix`,
      firstErrorAt: new Date(),
      alert: sampleAlert({ key: "matrix" }),
    })
    .returning({ id: runs.id });
  if (!run) throw new Error("no run");
  const [delivery] = await h.db
    .insert(deliveries)
    .values({
      runId: run.id,
      nodeId: "i1",
      messageType: "error",
      level: 1,
      idempotencyKey: `matrix-${run.id}`,
      status: "failed",
      integrationId: integration.id,
    })
    .returning({ id: deliveries.id });
  if (!delivery) throw new Error("no delivery");
  const template = await owner.templates.saveFromFlow({ flowId: flow.id, name: "T", description: "", tags: [] });
  const link = await owner.templates.createShareLink({ templateId: template.templateId });
  const invitation = await owner.members.invite({ role: "viewer", note: "" });
  const token = await owner.tokens.create({ name: "t", role: "viewer" });
  const inviteToken = invitation.path.split("/").pop() ?? "";
  const shareToken = link.path.split("/").pop() ?? "";
  rowIds = [
    a.id,
    flow.id,
    version.id,
    endpoint.id,
    integration.id,
    run.id,
    delivery.id,
    template.templateId,
    link.id,
    invitation.id,
    token.id,
  ];

  const draft = { type: "webhook", variables: { ApiUrl: "http://127.0.0.1:9/y" } } as const;
  samples = {
    "account.me": undefined,
    "account.setup": { name: "n", email: "n@matrix.test", password: "long enough password", workspaceName: "w" },
    "account.createWorkspace": { name: "New" },
    "account.switchWorkspace": { workspaceId: a.id },
    "account.setLocale": { locale: "fr" },
    "account.invitation": { token: inviteToken },
    "account.acceptInvitation": { token: "afi_not-a-real-one" },
    "members.list": undefined,
    "members.setRole": { userId: people.viewer.userId, role: "viewer" },
    "members.remove": { userId: people.editor.userId },
    "members.invitations": undefined,
    "members.invite": { role: "viewer", note: "" },
    "members.revokeInvitation": { invitationId: invitation.id },
    "tokens.list": undefined,
    "tokens.create": { name: "x", role: "viewer" },
    "tokens.revoke": { tokenId: token.id },
    "audit.list": {},
    "flows.restoreVersion": { flowId: flow.id, versionId: version.id },
    "flows.list": undefined,
    "flows.get": { flowId: flow.id },
    "flows.create": { name: "x" },
    "flows.saveDraft": { flowId: flow.id, graph: singleLevelGraph(integration.id) },
    "flows.publish": { flowId: flow.id, note: "" },
    "flows.setEnabled": { flowId: flow.id, enabled: true },
    "flows.versions": { flowId: flow.id },
    "flows.version": { flowId: flow.id, versionId: version.id },
    "flows.endpoints": { flowId: flow.id },
    "flows.createEndpoint": { flowId: flow.id },
    "flows.revokeEndpoint": { flowId: flow.id, endpointId: endpoint.id },
    "integrations.types": undefined,
    "integrations.templateReference": undefined,
    "integrations.sampleAlert": { messageType: "error" },
    "integrations.list": undefined,
    "integrations.get": { integrationId: integration.id },
    "integrations.usedBy": { integrationId: integration.id },
    "integrations.create": { type: "webhook", name: "x", variables: { ApiUrl: "http://127.0.0.1:9/z" } },
    "integrations.update": { integrationId: integration.id, name: "renamed" },
    "integrations.setEnabled": { integrationId: integration.id, enabled: true },
    "integrations.delete": { integrationId: integration.id },
    "integrations.preview": { integrationId: integration.id, messageType: "error" },
    "integrations.testSend": { integrationId: integration.id, draft, messageType: "error" },
    "runs.list": {},
    "runs.stats": {},
    "runs.insights": {},
    "runs.get": { runId: run.id },
    "runs.acknowledge": { runId: run.id },
    "runs.resolve": { runId: run.id },
    "runs.cancel": { runId: run.id },
    "runs.failedDeliveries": {},
    "inbox.list": undefined,
    "runs.resend": { deliveryIds: [delivery.id] },
    "runs.resendFailed": { runId: run.id },
    "runs.rerun": { runId: run.id },
    "templates.list": undefined,
    "templates.get": { templateId: template.templateId },
    "templates.saveFromFlow": { flowId: flow.id, name: "x", description: "", tags: [] },
    "templates.update": { templateId: template.templateId, name: "x", description: "", tags: [] },
    "templates.delete": { templateId: template.templateId },
    "templates.export": { ref: { kind: "workspace", templateId: template.templateId } },
    "templates.import": { fileText: "{}" },
    "templates.use": { ref: { kind: "workspace", templateId: template.templateId }, name: "x", mapping: {} },
    "templates.shareLinks": { templateId: template.templateId },
    "templates.createShareLink": { templateId: template.templateId },
    "templates.revokeShareLink": { templateId: template.templateId, linkId: link.id },
    "templates.shared": { token: shareToken },
    "templates.useShared": { token: shareToken },
    "workspace.settings": undefined,
    "integrations.checkOutboundUrl": { url: "http://10.1.2.3:8080/hook" },
    "flows.setArchived": { flowId: flow.id, archived: false },
    "flows.duplicate": { flowId: flow.id },
    "flows.delete": { flowId: flow.id },
    "workspace.updateSettings": { name: "A", retentionDays: 90, timeZone: "UTC", outboundAllowList: [] },
  };
}, 120_000);

afterAll(async () => {
  await h.close();
});

const DENIED = new Set(["UNAUTHORIZED", "FORBIDDEN"]);
const ROLES: Access[] = ["anonymous", "user", "viewer", "editor", "owner"];

describe("authorization matrix", () => {
  it("finds the router's procedures, each with a declared role and a sample input", () => {
    expect(procedures.length).toBeGreaterThan(50);
    for (const p of procedures) {
      expect(ACCESS_LEVELS, `${p.path} declares no role`).toContain(p.declared);
      expect(Object.keys(samples), `${p.path} has no sample input in this test`).toContain(p.path);
    }
  });

  // The role check runs before the input is parsed: with no input, an allowed call fails on the
  // input (or answers), a refused one is UNAUTHORIZED / FORBIDDEN. Nothing is changed.
  it.each(ROLES)("lets %s call exactly the procedures its role grants", async (role) => {
    const caller = callerAs(role);
    const wrong: string[] = [];
    for (const p of procedures) {
      if (!p.access) continue;
      const withInput = samples[p.path] !== undefined;
      // Procedures without input would run for real; only queries are safe to run here.
      if (!withInput && p.type !== "query") continue;
      const result = await outcome(call(caller, p.path, withInput ? {} : undefined));
      const denied = !result.ok && DENIED.has(result.code);
      const expected = !grants(role, p.access);
      if (denied !== expected) wrong.push(`${p.path} (${p.access}): ${result.ok ? "ok" : result.code}`);
    }
    expect(wrong, `${role} got the wrong answer from`).toEqual([]);
  });

  it("never lets the owner of another workspace reach a row of this one", async () => {
    const outsider = callerAs("outsider");
    const leaks: string[] = [];
    for (const p of procedures) {
      if (LINK_HOLDER.has(p.path)) continue;
      const input = samples[p.path];
      const text = JSON.stringify(input ?? null);
      const names = rowIds.some((id) => text.includes(id));
      const result = await outcome(call(outsider, p.path, input));
      if (names && result.ok) leaks.push(`${p.path}: succeeded on another workspace's row`);
      if (result.ok) {
        const out = JSON.stringify(result.value ?? null);
        const seen = rowIds.filter((id) => out.includes(id));
        if (seen.length) leaks.push(`${p.path}: answered ${seen.join(", ")}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
