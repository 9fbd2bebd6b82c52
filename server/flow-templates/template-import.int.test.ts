import { TRPCError } from "@trpc/server";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flows, templates } from "~/db/schema";
import { DomainError } from "~/core/domain-error";
import { BUILTIN_TEMPLATE_DEFINITIONS } from "~/core/flow-templates/builtin";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { webhook } from "~/test-support/flow-fixtures";
import { createHarness, type Harness } from "~/test-support/harness";
import { callerFor, otherWorkspace } from "~/test-support/second-workspace";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

async function failureOf(call: Promise<unknown>): Promise<{ code: string; domain: DomainError | undefined }> {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, domain: error.cause instanceof DomainError ? error.cause : undefined };
}

const templateCount = async (workspaceId: string) =>
  (await h.db.select({ n: count() }).from(templates).where(eq(templates.workspaceId, workspaceId)))[0]?.n;

const builtinFile = (key: string) => {
  const found = BUILTIN_TEMPLATE_DEFINITIONS.find((t) => t.key === key);
  if (!found) throw new Error(key);
  return JSON.stringify(found.document);
};

describe("importing a template file", () => {
  it("stores a valid file as a workspace template", async () => {
    const b = await otherWorkspace(h, "Importer");
    const imported = await b.api.templates.import({ fileText: builtinFile("pagerduty-resolve") });
    const { workspace } = await b.api.templates.list();
    expect(workspace.map((t) => [t.name, t.version, t.author])).toEqual([
      ["PagerDuty: trigger, then resolve", 1, "Alertflow"],
    ]);
    expect(workspace[0]?.ref).toEqual({ kind: "workspace", templateId: imported.templateId });
    // The note Alertflow writes on the version is in the language of the page that imported it.
    const french = await b.api.templates.import({ fileText: builtinFile("webhook-every-variable"), locale: "fr" });
    expect((await b.api.templates.get({ templateId: imported.templateId })).versions[0]?.note).toBe(
      "Imported from a file",
    );
    expect((await b.api.templates.get({ templateId: french.templateId })).versions[0]?.note).toBe(
      "Importé depuis un fichier",
    );
  });

  const valid = builtinFile("slack-pagerduty-sms");
  const hostile: [string, string, RegExp][] = [
    ["malformed JSON", valid.slice(0, -10), /not valid JSON \(line 1, column \d+\)/],
    ["an oversized file", `${valid.slice(0, -1)},"x":"${"a".repeat(1_100_000)}"}`, /at most 1\.0 MB/],
    [
      "an unknown node type",
      valid.replace('"type":"branch"', '"type":"exec"'),
      /graph\.nodes\.5\.type \(node on-call-types\): unknown node type "exec"/,
    ],
    [
      "script in a label",
      valid.replace('"label":"Team"', '"label":"<script>alert(1)</script>"'),
      /graph\.nodes\.1\.data\.label .*markup/,
    ],
    [
      "a future format version",
      valid.replace('"formatVersion":1', '"formatVersion":7'),
      /formatVersion: .*newer Alertflow/,
    ],
    ["a future graph version", valid.replace('"schemaVersion":1', '"schemaVersion":3'), /graph: .*newer Alertflow/],
    [
      "a __proto__ key",
      valid.replace('"tags":[', '"__proto__":{"polluted":true},"tags":['),
      /__proto__: the key "__proto__" is not allowed/,
    ],
    [
      "a cycle",
      valid.replace('"edges":[', '"edges":[{"id":"back","source":"level-3","target":"level-1","sourceHandle":"next"},'),
      /graph: /,
    ],
  ];

  it.each(hostile)("refuses %s with a 400 that names the place, and stores nothing", async (_name, text, message) => {
    const before = await templateCount(h.workspaceId);
    const { code, domain } = await failureOf(h.api.templates.import({ fileText: text }));
    expect(code).toBe("BAD_REQUEST");
    expect(domain?.message).toMatch(message);
    expect(domain?.details.issues?.length).toBeGreaterThan(0);
    expect(await templateCount(h.workspaceId)).toBe(before);
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});

describe("saving, versions and using", () => {
  it("refuses to save a flow whose integration node has nothing chosen, naming the node", async () => {
    const { id: flowId } = await h.api.flows.create({
      name: "Half drawn",
      description: "",
      graph: graphOf(
        [triggerNode("t"), levelNode("l1", { level: 1 }), integrationNode("todo", { label: "To do" })],
        [edge("t", "out", "l1"), edge("l1", "out", "todo")],
      ),
    });
    const before = await templateCount(h.workspaceId);
    const { code, domain } = await failureOf(
      h.api.templates.saveFromFlow({ flowId, name: "x", description: "", tags: [] }),
    );
    expect(code).toBe("BAD_REQUEST");
    expect(domain?.details.issues?.[0]).toMatchObject({ nodeId: "todo", path: "graph.nodes.2.data.integrationId" });
    expect(await templateCount(h.workspaceId)).toBe(before);
  });

  it("adds versions to a template and creates flows from any of them, refusing a wrong mapping", async () => {
    const hook = await webhook(h, "Versions hook", "http://127.0.0.1:9/hook");
    const graph = (afterSeconds: number) =>
      graphOf(
        [triggerNode("t"), levelNode("l1", { level: 1, afterSeconds }), integrationNode("i", { integrationId: hook })],
        [edge("t", "out", "l1"), edge("l1", "out", "i")],
      );
    const { id: flowId } = await h.api.flows.create({ name: "Versioned", description: "", graph: graph(0) });
    const first = await h.api.templates.saveFromFlow({ flowId, name: "Versioned", description: "", tags: [] });
    await h.api.flows.saveDraft({ flowId, graph: graph(120) });
    const second = await h.api.templates.saveFromFlow({
      flowId,
      templateId: first.templateId,
      name: "Versioned, slower",
      description: "Waits two minutes",
      tags: ["slow"],
      note: "Wait before paging",
    });
    expect([first.version, second.version]).toEqual([1, 2]);
    const template = await h.api.templates.get({ templateId: first.templateId });
    expect(template.versions.map((v) => [v.version, v.note])).toEqual([
      [2, "Wait before paging"],
      [1, ""],
    ]);
    expect(template.name).toBe("Versioned, slower");

    const markup = await failureOf(
      h.api.templates.update({ templateId: first.templateId, name: "<b>Versioned</b>", description: "", tags: [] }),
    );
    expect(markup.code).toBe("BAD_REQUEST");
    await h.api.templates.update({
      templateId: first.templateId,
      name: "Versioned (renamed)",
      description: "",
      tags: ["x"],
    });
    expect((await h.api.templates.get({ templateId: first.templateId })).name).toBe("Versioned (renamed)");

    const flowCount = async () => (await h.db.select({ n: count() }).from(flows))[0]?.n;
    const before = await flowCount();
    const slack = await h.api.integrations.create({
      type: "slack",
      name: "Not a webhook",
      secrets: { WebhookUrl: "https://hooks.slack.com/x" },
    });
    const ref = { kind: "workspace" as const, templateId: first.templateId, version: 1 };
    const wrongType = await failureOf(
      h.api.templates.use({ ref, name: "x", mapping: { webhook: slack.id }, publish: false }),
    );
    expect(wrongType.domain?.details.issues?.[0]).toMatchObject({ path: "mapping.webhook" });
    expect(wrongType.domain?.message).toMatch(
      /needs an Alertflow integration \(webhook\); "Not a webhook" is of another type/,
    );
    const missing = await failureOf(h.api.templates.use({ ref, name: "x", mapping: {}, publish: false }));
    expect(missing.domain?.message).toMatch(/Choose a/);
    const foreign = await otherWorkspace(h, "Foreign integrations");
    const theirs = await webhook({ ...h, api: foreign.api }, "Theirs", "http://127.0.0.1:9/x");
    const notOurs = await failureOf(
      h.api.templates.use({ ref, name: "x", mapping: { webhook: theirs }, publish: false }),
    );
    expect(notOurs.domain?.message).toMatch(/not in this workspace/);
    expect(await flowCount()).toBe(before);

    const made = await h.api.templates.use({ ref, name: "From v1", mapping: { webhook: hook }, publish: false });
    const flow = await h.api.flows.get({ flowId: made.flowId });
    expect(flow.templateOrigin).toMatchObject({ kind: "workspace", version: 1, name: "Versioned (renamed)" });
    const level = flow.graph.nodes.find((n) => n.type === "level");
    expect(level?.type === "level" ? level.data.afterSeconds : null).toBe(0);
    expect(flow.published).toBeNull();
  });

  it("creates and publishes a flow from a built-in, remembering it", async () => {
    const hook = await webhook(h, "Built-in hook", "http://127.0.0.1:9/hook");
    const made = await h.api.templates.use({
      ref: { kind: "builtin", key: "webhook-every-variable" },
      name: "Every variable",
      mapping: { "your-system": hook },
      publish: true,
      locale: "nl",
    });
    const flow = await h.api.flows.get({ flowId: made.flowId });
    expect(flow.templateOrigin).toEqual({
      kind: "builtin",
      key: "webhook-every-variable",
      version: 1,
      name: "Je eigen systeem: elke variabele als JSON",
    });
    expect(flow.published?.version).toBe(1);
    // Written in the page's language, naming the template as that page showed it.
    expect(flow.published?.note).toBe("Gemaakt van sjabloon ‘Je eigen systeem: elke variabele als JSON’ v1");
  });
});

describe("share links", () => {
  it("are read anonymously until revoked, reveal only the template, and are the owner's to manage", async () => {
    const imported = await h.api.templates.import({ fileText: builtinFile("status-page-outage") });
    const link = await h.api.templates.createShareLink({ templateId: imported.templateId });
    expect(link.path).toBe(`/share/templates/${link.token}`);
    expect(link.token).toMatch(/^tpl_[A-Za-z0-9_-]{32}$/);
    const anonymous = callerFor(h, h.workspaceId, "anonymous");

    const shared = await anonymous.templates.shared({ token: link.token });
    expect(Object.keys(shared).sort()).toEqual([
      "description",
      "graph",
      "name",
      "placeholders",
      "tags",
      "updatedAt",
      "version",
    ]);
    expect(JSON.stringify(shared)).not.toContain(imported.templateId);
    expect(JSON.stringify(shared)).not.toContain(h.workspaceId);

    expect((await failureOf(anonymous.templates.list())).code).toBe("UNAUTHORIZED");
    const viewer = callerFor(h, h.workspaceId, "viewer");
    expect((await failureOf(viewer.templates.createShareLink({ templateId: imported.templateId }))).code).toBe(
      "FORBIDDEN",
    );
    const other = await otherWorkspace(h, "Other sharer");
    expect((await failureOf(other.api.templates.shareLinks({ templateId: imported.templateId }))).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (await failureOf(other.api.templates.revokeShareLink({ templateId: imported.templateId, linkId: link.id }))).code,
    ).toBe("NOT_FOUND");

    // "Use this template" from the link: the other workspace gets its own copy.
    const copy = await other.api.templates.useShared({ token: link.token, locale: "fr" });
    expect(copy.copied).toBe(true);
    expect((await other.api.templates.get({ templateId: copy.templateId })).versions[0]?.note).toBe(
      "Ajouté depuis un lien de partage",
    );
    expect((await other.api.templates.get({ templateId: copy.templateId })).name).toBe("Status page on outage");
    expect(await h.api.templates.useShared({ token: link.token })).toEqual({
      templateId: imported.templateId,
      copied: false,
    });

    await h.api.templates.revokeShareLink({ templateId: imported.templateId, linkId: link.id });
    const revoked = await failureOf(anonymous.templates.shared({ token: link.token }));
    const unknown = await failureOf(anonymous.templates.shared({ token: `tpl_${"A".repeat(32)}` }));
    expect([revoked.code, unknown.code]).toEqual(["NOT_FOUND", "NOT_FOUND"]);
    expect(revoked.domain?.message).toBe(unknown.domain?.message);
    expect((await h.api.templates.shareLinks({ templateId: imported.templateId }))[0]?.revokedAt).toBeInstanceOf(Date);
  });
});
