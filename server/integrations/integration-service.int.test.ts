import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integrations } from "~/db/schema";
import { edge, graphOf, integrationNode, levelNode, triggerNode, singleLevelGraph } from "~/test-support/graph-builder";
import { REDACTED } from "~/core/secrets/redact";
import { publishedFlow } from "~/test-support/flow-fixtures";
import { createHarness, TEST_KEYRING, type Harness } from "~/test-support/harness";
import { startReceiver } from "~/test-support/http-receiver";
import { DomainError } from "~/core/domain-error";
import { integrationTypeSchema } from "~/core/integrations/integration-types";
import { integrationDefinitions } from "~/core/integrations/registry";
import { openIntegrationSecrets } from "./integration-secrets";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const storedRow = async (id: string) => {
  const [row] = await h.db.select().from(integrations).where(eq(integrations.id, id));
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

/** The DomainError a router call failed with (tRPC wraps it as the cause). */
async function domainErrorOf(call: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  const cause = error instanceof Error ? error.cause : undefined;
  if (!(cause instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return cause;
}

describe("integration secrets", () => {
  it("are encrypted at rest and never returned by list or get", async () => {
    const key = "R0123456789abcdef0123456789abcd1";
    const created = await h.api.integrations.create({
      type: "pagerduty",
      name: "PD secret",
      secrets: { RoutingKey: key },
    });
    const row = await storedRow(created.id);
    expect(row.secretsCiphertext).toBeTruthy();
    expect(row.secretsCiphertext).not.toContain(key);
    expect(JSON.stringify(row.variables)).not.toContain(key);
    expect(openIntegrationSecrets(row.id, row.secretsCiphertext, TEST_KEYRING)).toEqual({ RoutingKey: key });

    const listed = await h.api.integrations.list();
    const got = await h.api.integrations.get({ integrationId: created.id });
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(JSON.stringify(got)).not.toContain(key);
    expect(got.secretNames).toEqual(["RoutingKey"]);
    expect(listed.find((i) => i.id === created.id)?.secretNames).toEqual(["RoutingKey"]);
  });

  it("moves a secret-marked variable sent in `variables` into the secrets", async () => {
    const url = "https://hooks.slack.com/services/T000/B000/XXXXSECRET";
    const created = await h.api.integrations.create({
      type: "slack",
      name: "Slack moved",
      variables: { WebhookUrl: url },
    });
    const row = await storedRow(created.id);
    expect(row.variables).toEqual({});
    expect(row.secretsCiphertext).not.toContain("XXXXSECRET");
    expect(created.secretNames).toEqual(["WebhookUrl"]);
    expect(created.variables).toEqual({});
    expect(created.missing).toEqual([]);
  });

  it("merges secrets on update: untouched ones stay, named ones change, empty removes", async () => {
    const created = await h.api.integrations.create({
      type: "servicenow",
      name: "SN merge",
      variables: { InstanceUrl: "https://acme.service-now.com", Username: "bot" },
      secrets: { Password: "pw-1" },
    });
    const open = async () => {
      const row = await storedRow(created.id);
      return openIntegrationSecrets(row.id, row.secretsCiphertext, TEST_KEYRING);
    };
    // A new login with the saved password would carry it to another account: it is typed again.
    await h.api.integrations.update({
      integrationId: created.id,
      variables: { InstanceUrl: "https://acme.service-now.com", Username: "bot2" },
      secrets: { Password: "pw-1" },
    });
    expect(await open()).toEqual({ Password: "pw-1" });
    await h.api.integrations.update({ integrationId: created.id, secrets: { ExtraToken: "tok" } });
    expect(await open()).toEqual({ Password: "pw-1", ExtraToken: "tok" });
    const updated = await h.api.integrations.update({
      integrationId: created.id,
      secrets: { Password: "pw-2", ExtraToken: "" },
    });
    expect(await open()).toEqual({ Password: "pw-2" });
    expect(updated.secretNames).toEqual(["Password"]);
    expect(updated.variables).toEqual({ InstanceUrl: "https://acme.service-now.com", Username: "bot2" });
  });
});

describe("saving templates", () => {
  it("refuses a template error, naming the field and its line and column", async () => {
    const error = await domainErrorOf(
      h.api.integrations.create({
        type: "webhook",
        name: "Broken template",
        variables: { ApiUrl: "https://example.com/hook" },
        customizations: {
          stepDefinitions: [
            {
              messageTypes: ["error"],
              steps: [{ method: "POST", url: "{{ApiUrl}}", body: { type: "raw", content: '{\n  "x": "{{Nope}}"\n}' } }],
            },
          ],
        },
      }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain("stepDefinitions.0.steps.0.body.content");
    expect(error.message).toContain("{{Nope}}");
    expect(error.message).toContain("line 2, column 9");
    expect(error.details.issues).toEqual([
      expect.objectContaining({ path: "stepDefinitions.0.steps.0.body.content", line: 2, column: 9, position: 10 }),
    ]);
  });

  it("refuses an unbalanced expression in an email subject", async () => {
    const error = await domainErrorOf(
      h.api.integrations.create({
        type: "email",
        name: "Broken email",
        variables: { SmtpHost: "smtp.example.com", From: "a@example.com", To: "b@example.com" },
        customizations: { email: { error: { subject: "Down: {{@monitor.name", html: "", text: "x" } } },
      }),
    );
    expect(error.details.issues).toEqual([
      expect.objectContaining({ path: "email.error.subject", line: 1, column: 7 }),
    ]);
  });
});

describe("enable, usage and delete", () => {
  it("refuses to delete while a published flow uses it, listing the flow, and allows it after", async () => {
    const integrationId = (
      await h.api.integrations.create({
        type: "webhook",
        name: "In use",
        variables: { ApiUrl: "https://example.com/x" },
      })
    ).id;
    const graph = singleLevelGraph(integrationId);
    const { flowId } = await publishedFlow(h, "Checkout escalation", graph);

    const listed = (await h.api.integrations.list()).find((i) => i.id === integrationId);
    expect(listed?.usedBy).toEqual([{ id: flowId, name: "Checkout escalation", version: 1 }]);

    const error = await domainErrorOf(h.api.integrations.delete({ integrationId }));
    expect(error.code).toBe("INTEGRATION_IN_USE");
    expect(error.message).toContain("Checkout escalation (v1)");
    expect(error.details.flows).toEqual([{ id: flowId, name: "Checkout escalation", version: 1 }]);

    // A new published version without the integration frees it.
    const freeGraph = graphOf(
      [
        triggerNode("t", {}),
        levelNode("l1", { level: 1 }),
        integrationNode("i2", {
          integrationId: (
            await h.api.integrations.create({
              type: "webhook",
              name: "Other",
              variables: { ApiUrl: "https://example.com/y" },
            })
          ).id,
        }),
      ],
      [edge("t", "out", "l1"), edge("l1", "out", "i2")],
    );
    await h.api.flows.saveDraft({ flowId, graph: freeGraph });
    await h.api.flows.publish({ flowId, note: "swap" });
    expect(await h.api.integrations.delete({ integrationId })).toEqual({ id: integrationId });
    await expect(h.api.integrations.get({ integrationId })).rejects.toThrow(/not found/);
  });

  it("enables and disables", async () => {
    const { id } = await h.api.integrations.create({
      type: "webhook",
      name: "Toggle",
      variables: { ApiUrl: "https://example.com" },
    });
    expect((await h.api.integrations.setEnabled({ integrationId: id, enabled: false })).enabled).toBe(false);
    expect((await h.api.integrations.get({ integrationId: id })).enabled).toBe(false);
    expect((await h.api.integrations.setEnabled({ integrationId: id, enabled: true })).enabled).toBe(true);
  });
});

describe("testSend", () => {
  it("sends for real and returns the exact request (redacted) and the response", async () => {
    const receiver = await startReceiver(() => ({
      status: 201,
      body: '{"accepted":true}',
      headers: { "x-receiver": "yes" },
    }));
    try {
      const { id } = await h.api.integrations.create({
        type: "webhook",
        name: "Test-send target",
        variables: { ApiUrl: `${receiver.url}/hook` },
        secrets: { Token: "t0ps3cret" },
        customizations: {
          stepDefinitions: [
            {
              messageTypes: ["error", "ok"],
              steps: [
                {
                  name: "Post",
                  method: "POST",
                  url: "{{ApiUrl}}?type={{@alert.type}}",
                  headers: { "X-Team": "payments" },
                  auth: { type: "bearer", token: "{{Token}}" },
                  body: { type: "raw", content: '{"summary": {{@JsonEncode({{@alert.summary}})}}}' },
                },
              ],
            },
          ],
        },
      });
      // JsonEncode escapes without adding quotes, as in Uptrends: the template supplies them.
      await expect(h.api.integrations.preview({ integrationId: id, messageType: "error" })).resolves.toBeTruthy();
      const result = await h.api.integrations.testSend({
        integrationId: id,
        messageType: "error",
        sampleAlert: { summary: "Edited summary" },
        levelVariables: {},
      });
      expect(result).toMatchObject({ ok: true, status: 201, error: undefined, requests: 1 });
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
      expect(result.request).toMatchObject({
        method: "POST",
        url: `${receiver.url}/hook?type=Alert`,
        headers: { Authorization: `Bearer ${REDACTED}`, "X-Team": "payments" },
      });
      expect(result.response).toMatchObject({
        status: 201,
        body: '{"accepted":true}',
        headers: { "x-receiver": "yes" },
      });

      expect(receiver.requests).toHaveLength(1);
      const [got] = receiver.requests;
      expect(got?.url).toBe("/hook?type=Alert");
      expect(got?.headers.authorization).toBe("Bearer t0ps3cret");
      expect(got?.body).toBe(result.request?.body);
      expect(got?.headers["idempotency-key"]).toMatch(/^test:/);
      expect(JSON.stringify(result)).not.toContain("t0ps3cret");
    } finally {
      await receiver.close();
    }
  });

  it("uses the editor's unsaved draft over the stored secrets, and reports receiver errors", async () => {
    const receiver = await startReceiver(() => ({ status: 400, body: "invalid_payload" }));
    try {
      const { id } = await h.api.integrations.create({
        type: "slack",
        name: "Slack draft",
        secrets: { WebhookUrl: "https://hooks.slack.com/services/old" },
      });
      const result = await h.api.integrations.testSend({
        integrationId: id,
        draft: {
          type: "slack",
          variables: {},
          secrets: { WebhookUrl: `${receiver.url}/services/new` },
          customizations: {},
        },
        messageType: "ok",
        levelVariables: {},
      });
      expect(result).toMatchObject({
        ok: false,
        status: 400,
        response: { body: "invalid_payload" },
        error: { code: "HTTP_ERROR" },
      });
      expect(result.request?.url).toBe(REDACTED);
      expect(receiver.requests[0]?.url).toBe("/services/new");
      // The draft was not saved.
      const row = await storedRow(id);
      expect(openIntegrationSecrets(id, row.secretsCiphertext, TEST_KEYRING).WebhookUrl).toBe(
        "https://hooks.slack.com/services/old",
      );
    } finally {
      await receiver.close();
    }
  });

  it("sends nothing while a required variable is unset", async () => {
    const { id } = await h.api.integrations.create({ type: "opsgenie", name: "No key" });
    const result = await h.api.integrations.testSend({ integrationId: id, messageType: "error", levelVariables: {} });
    expect(result).toMatchObject({ ok: false, requests: 0, error: { code: "MISSING_VARIABLE" } });
    expect(result.error?.message).toContain("API key");
  });
});

describe("preview", () => {
  const draft = (type: (typeof integrationTypeSchema.options)[number]) => ({
    type,
    variables: {},
    secrets: {},
    customizations: {},
  });

  it.each(integrationTypeSchema.options)("%s renders every default message without problems", async (type) => {
    const definition = integrationDefinitions[type];
    for (const messageType of definition.capabilities.defaultMessageTypes) {
      const preview = await h.api.integrations.preview({ draft: draft(type), messageType, levelVariables: {} });
      expect(preview.problems, `${type} ${messageType}`).toEqual([]);
      expect(preview.issues).toEqual([]);
      expect(preview.skipped).toBe(false);
      // The inbox is previewed like an email: a title (subject) and a body.
      if (definition.transport !== "http") expect(preview.email?.subject).toBeTruthy();
      else expect(preview.requests.length).toBeGreaterThan(0);
      // Unset required values show as markers, and are listed.
      const unset = definition.variables.filter((v) => v.required && v.defaultValue === undefined).map((v) => v.name);
      expect(preview.missing.map((m) => m.name)).toEqual(unset);
    }
  });

  it("reports draft template errors by field with line:column and masks stored secrets", async () => {
    const { id } = await h.api.integrations.create({
      type: "pagerduty",
      name: "PD preview",
      secrets: { RoutingKey: "R0123456789abcdef0123456789abcd1" },
    });
    const saved = await h.api.integrations.preview({ integrationId: id, messageType: "error", levelVariables: {} });
    expect(saved.requests[0]?.body).toContain(`"routing_key": "[secret:RoutingKey]"`);
    expect(saved.missing).toEqual([]);

    const broken = await h.api.integrations.preview({
      integrationId: id,
      draft: {
        type: "pagerduty",
        variables: {},
        secrets: {},
        customizations: {
          stepDefinitions: [
            {
              messageTypes: ["error"],
              steps: [{ method: "POST", url: "{{ApiUrl}}", body: { type: "raw", content: "a\n {{@alert.nope}}" } }],
            },
          ],
        },
      },
      messageType: "error",
      levelVariables: {},
    });
    expect(broken.issues).toEqual([
      expect.objectContaining({
        path: "stepDefinitions.0.steps.0.body.content",
        message: "Unknown variable {{@alert.nope}}",
        line: 2,
        column: 2,
      }),
    ]);
    expect(broken.problems).toEqual([expect.objectContaining({ code: "UNKNOWN_VARIABLE", line: 2, column: 2 })]);
  });
});
