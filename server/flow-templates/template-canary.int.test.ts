import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { callerFor } from "~/test-support/second-workspace";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const CANARY = "CANARY-7f3a9c21e4";

/** The canary and the forms it takes in URLs, JSON, base64 and hex. */
function leakForms(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret).toString("base64"),
    Buffer.from(secret).toString("base64url"),
    Buffer.from(secret).toString("hex"),
  ];
}
const expectNoLeak = (what: string, text: string, secrets: string[]) => {
  for (const secret of secrets) for (const form of leakForms(secret)) expect(text, what).not.toContain(form);
};

describe("a template carries no secret", () => {
  it("integration secrets, endpoint tokens and pasted secrets appear nowhere in the template, the file or the shared view", async () => {
    const slack = await h.api.integrations.create({
      type: "slack",
      name: "Secret slack",
      secrets: { WebhookUrl: `https://hooks.slack.com/services/T0/B0/${CANARY}-slack` },
    });
    const pager = await h.api.integrations.create({
      type: "pagerduty",
      name: "Secret pager",
      secrets: { RoutingKey: `${CANARY}-routing-key-0123456789` },
    });
    const hook = await h.api.integrations.create({
      type: "webhook",
      name: "Secret hook",
      variables: { ApiUrl: "https://ops.example.com/alerts" },
      secrets: { SigningToken: `${CANARY}-signing` },
    });
    const { id: flowId } = await h.api.flows.create({ name: "Canary flow", description: "", graph: graphOf([], []) });
    const tokens = [
      (await h.api.flows.createEndpoint({ flowId })).token,
      (await h.api.flows.createEndpoint({ flowId })).token,
    ];
    await h.api.flows.saveDraft({
      flowId,
      graph: graphOf(
        [
          triggerNode("t", { label: "Canary trigger" }),
          levelNode("l1", {
            level: 1,
            // Pasted by a person: an endpoint token and a stored secret value.
            message: `Re-send to /api/alerts/${tokens[0] ?? ""}; signing key ${CANARY}-signing`,
          }),
          levelNode("l2", { level: 2, afterSeconds: 60, label: `Escalate (${tokens[1] ?? ""})` }),
          integrationNode("chat", { label: "Chat", integrationId: slack.id }),
          integrationNode("page", {
            label: "Page",
            integrationId: pager.id,
            // A secret-marked variable set per level, and a custom secret's name.
            variables: { RoutingKey: `${CANARY}-per-level-key` },
          }),
          integrationNode("hook", {
            label: "Hook",
            integrationId: hook.id,
            variables: { SigningToken: `${CANARY}-per-level-signing`, ApiUrl: "https://ops.example.com/level-2" },
          }),
        ],
        [
          edge("t", "out", "l1"),
          edge("l1", "next", "l2"),
          edge("l1", "out", "chat"),
          edge("l2", "out", "page"),
          edge("page", "failure", "hook"),
        ],
      ),
    });

    const saved = await h.api.templates.saveFromFlow({ flowId, name: "Canary template", description: "", tags: [] });
    const ref = { kind: "workspace" as const, templateId: saved.templateId };
    const link = await h.api.templates.createShareLink({ templateId: saved.templateId });
    const anonymous = callerFor(h, h.workspaceId, "anonymous");
    const outputs = {
      saved,
      template: await h.api.templates.get({ templateId: saved.templateId }),
      list: await h.api.templates.list(),
      file: (await h.api.templates.export({ ref })).text,
      shared: await anonymous.templates.shared({ token: link.token }),
      rows: (
        await h.db.execute(
          sql`select row_to_json(t)::text as row from templates t union all select row_to_json(v)::text from template_versions v union all select row_to_json(s)::text from template_share_links s`,
        )
      ).rows,
    };
    const secrets = [CANARY, ...tokens];
    for (const [what, value] of Object.entries(outputs)) {
      expectNoLeak(what, typeof value === "string" ? value : JSON.stringify(value), secrets);
    }
    for (const id of [slack.id, pager.id, hook.id]) expect(outputs.file).not.toContain(id);

    // What survives is the flow itself: non-secret per-level values and the rest of the text.
    expect(outputs.file).toContain("https://ops.example.com/level-2");
    expect(outputs.file).toContain("Re-send to /api/alerts/[REDACTED]; signing key [REDACTED]");
    expect(outputs.shared.placeholders.map((p) => p.integrationType)).toEqual(["slack", "pagerduty", "webhook"]);
  });
});
