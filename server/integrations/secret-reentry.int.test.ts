import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "~/core/domain-error";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";

let h: Harness;
let receiver: Receiver;
beforeAll(async () => {
  h = await createHarness();
  receiver = await startReceiver(() => ({ status: 200, body: "ok" }));
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

const TOKEN = "tok-REENTRY-5ecret-value";
const encodings = (s: string) => [
  s,
  Buffer.from(s).toString("base64"),
  Buffer.from(s).toString("base64url"),
  Buffer.from(s).toString("hex"),
  encodeURIComponent(s),
];

/** The 400 a router call failed with, as { path, message } of its issues. */
async function refusal(call: Promise<unknown>) {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  const cause = error instanceof Error ? error.cause : undefined;
  if (!(cause instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  expect(cause.code).toBe("INVALID_INPUT");
  return { message: cause.message, paths: (cause.details.issues ?? []).map((i) => i.path) };
}

const webhookSteps = (body: string, url = "{{ApiUrl}}/hook") => ({
  stepDefinitions: [
    {
      messageTypes: ["error"],
      steps: [
        {
          name: "Post",
          method: "POST",
          url,
          auth: { type: "bearer", token: "{{ApiToken}}" },
          body: { type: "raw", content: body },
        },
      ],
    },
  ],
});

describe("a saved secret only goes where it was saved to go", () => {
  it("preview of a draft that base64-encodes the token: 400 naming the field; typed again, only the mask is encoded", async () => {
    const saved = await h.api.integrations.create({
      type: "webhook",
      name: "Reentry preview",
      variables: { ApiUrl: `${receiver.url}` },
      secrets: { ApiToken: TOKEN },
      customizations: webhookSteps('{"summary": "{{@JsonEncode({{@alert.summary}})}}"}'),
    });
    const draft = {
      type: "webhook" as const,
      variables: { ApiUrl: `${receiver.url}` },
      secrets: {},
      customizations: webhookSteps('{"t": "{{@Base64Encode({{ApiToken}})}}"}'),
    };
    const refused = await refusal(h.api.integrations.preview({ integrationId: saved.id, draft, messageType: "error" }));
    expect(refused.paths).toEqual(["draft.customizations.stepDefinitions.0.steps.0.body.content"]);
    expect(refused.message).toMatch(/^Type ApiToken again/);
    expect(refused.message).not.toContain(TOKEN);

    // Typed again, the preview renders; every function saw the mask, never the value.
    const typed = await h.api.integrations.preview({
      integrationId: saved.id,
      draft: { ...draft, secrets: { ApiToken: "typed-again-token" } },
      messageType: "error",
    });
    expect(typed.requests[0]?.body).toBe(`{"t": "${Buffer.from("[secret:ApiToken]").toString("base64")}"}`);
    const shown = JSON.stringify(typed);
    for (const form of [...encodings(TOKEN), ...encodings("typed-again-token")]) expect(shown).not.toContain(form);
  });

  it("a saved template that encodes the token previews the mask, in every encoding", async () => {
    const saved = await h.api.integrations.create({
      type: "webhook",
      name: "Reentry saved encodings",
      variables: { ApiUrl: `${receiver.url}` },
      secrets: { ApiToken: TOKEN },
      customizations: webhookSteps(
        '{"b": "{{@Base64Encode({{ApiToken}})}}", "u": "{{@UrlEncode({{ApiToken}})}}", "j": "{{@JsonEncode({{ApiToken}})}}", "t": "{{@Truncate(8, {{ApiToken}})}}"}',
        "{{ApiUrl}}/hook?k={{@UrlEncode({{ApiToken}})}}",
      ),
    });
    const preview = await h.api.integrations.preview({ integrationId: saved.id, messageType: "error" });
    const shown = JSON.stringify(preview);
    for (const form of [...encodings(TOKEN), TOKEN.slice(0, 8)]) expect(shown).not.toContain(form);
    expect(preview.requests[0]?.url).toBe(`${receiver.url}/hook?k=${encodeURIComponent("[secret:ApiToken]")}`);
  });

  it("test-send to a new URL: 400 naming the field and nothing sent; typed again, it is sent", async () => {
    const saved = await h.api.integrations.create({
      type: "webhook",
      name: "Reentry test-send",
      variables: { ApiUrl: "https://hooks.example.com" },
      secrets: { ApiToken: TOKEN },
      customizations: webhookSteps('{"ok": true}'),
    });
    const before = receiver.requests.length;
    const draft = {
      type: "webhook" as const,
      variables: { ApiUrl: receiver.url },
      secrets: {},
      customizations: webhookSteps('{"ok": true}'),
    };
    const refused = await refusal(
      h.api.integrations.testSend({ integrationId: saved.id, draft, messageType: "error" }),
    );
    expect(refused.paths).toEqual(["draft.variables.ApiUrl"]);
    // A per-level URL is refused the same way, named as the level value.
    const level = await refusal(
      h.api.integrations.testSend({
        integrationId: saved.id,
        messageType: "error",
        levelVariables: { ApiUrl: receiver.url },
      }),
    );
    expect(level.paths).toEqual(["levelVariables.ApiUrl"]);
    expect(receiver.requests.length).toBe(before);

    const sent = await h.api.integrations.testSend({
      integrationId: saved.id,
      draft: { ...draft, secrets: { ApiToken: "typed-for-the-new-url" } },
      messageType: "error",
    });
    expect(sent.ok).toBe(true);
    expect(receiver.requests.at(-1)?.headers.authorization).toBe("Bearer typed-for-the-new-url");
  });

  it("saving a new URL without typing the token again is refused and changes nothing; typed again, it saves", async () => {
    const saved = await h.api.integrations.create({
      type: "webhook",
      name: "Reentry save",
      variables: { ApiUrl: "https://hooks.example.com" },
      secrets: { ApiToken: TOKEN },
      customizations: webhookSteps('{"ok": true}'),
    });
    const moved = { ApiUrl: "https://attacker.example.net" };
    const refused = await refusal(h.api.integrations.update({ integrationId: saved.id, variables: moved }));
    expect(refused.paths).toContain("variables.ApiUrl");
    expect(refused.message).toMatch(/^Type ApiToken again/);
    expect(refused.message).not.toContain(TOKEN);
    expect((await h.api.integrations.get({ integrationId: saved.id })).variables).toMatchObject({
      ApiUrl: "https://hooks.example.com",
    });

    // A rename or a change that keeps the destination needs nothing typed.
    await h.api.integrations.update({ integrationId: saved.id, name: "Reentry save (renamed)" });
    const typed = await h.api.integrations.update({
      integrationId: saved.id,
      variables: moved,
      secrets: { ApiToken: "typed-again-token" },
    });
    expect(typed.variables).toMatchObject(moved);
  });

  it("a secret named like Object.prototype's members (toString, constructor) needs typing again too", async () => {
    for (const name of ["toString", "constructor"]) {
      const saved = await h.api.integrations.create({
        type: "webhook",
        name: `Reentry ${name}`,
        variables: { ApiUrl: "https://hooks.example.com" },
        secrets: { [name]: TOKEN },
        customizations: {
          stepDefinitions: [
            {
              messageTypes: ["error"],
              steps: [
                {
                  name: "Post",
                  method: "POST",
                  url: "{{ApiUrl}}/hook",
                  auth: { type: "bearer", token: `{{${name}}}` },
                  body: { type: "raw", content: "{}" },
                },
              ],
            },
          ],
        },
      });
      const moved = { ApiUrl: "https://attacker.example.net" };
      const refused = await refusal(h.api.integrations.update({ integrationId: saved.id, variables: moved }));
      expect(refused.paths).toContain("variables.ApiUrl");
      expect(refused.message).toMatch(new RegExp(`^Type ${name} again`));
      const draft = { type: "webhook" as const, variables: moved, secrets: {}, customizations: saved.customizations };
      const test = refusal(h.api.integrations.preview({ integrationId: saved.id, draft, messageType: "error" }));
      expect((await test).message).toMatch(new RegExp(`^Type ${name} again`));
    }
  });

  it("PagerDuty routing key and SMTP password stay with their saved destinations", async () => {
    const pd = await h.api.integrations.create({
      type: "pagerduty",
      name: "Reentry PD",
      secrets: { RoutingKey: "R0123456789abcdef0123456789abcd1" },
    });
    const pdDraft = {
      type: "pagerduty" as const,
      variables: {},
      secrets: {},
      customizations: {
        stepDefinitions: [
          {
            messageTypes: ["error"],
            steps: [
              {
                method: "POST",
                url: `${receiver.url}/enqueue`,
                body: { type: "raw", content: '{"routing_key": "{{RoutingKey}}"}' },
              },
            ],
          },
        ],
      },
    };
    const refusedPd = await refusal(
      h.api.integrations.testSend({ integrationId: pd.id, draft: pdDraft, messageType: "error" }),
    );
    expect(refusedPd.paths).toEqual(expect.arrayContaining(["draft.customizations.stepDefinitions.0.steps.0.url"]));

    const mail = await h.api.integrations.create({
      type: "email",
      name: "Reentry SMTP",
      variables: { SmtpHost: "smtp.example.com", SmtpUser: "alerts", From: "a@example.com", To: "b@example.com" },
      secrets: { SmtpPassword: "smtp-pass-REENTRY" },
    });
    const refusedMail = await refusal(
      h.api.integrations.testSend({
        integrationId: mail.id,
        draft: {
          type: "email",
          variables: { SmtpHost: "127.0.0.1", SmtpUser: "alerts", From: "a@example.com", To: "b@example.com" },
          secrets: {},
          customizations: {},
        },
        messageType: "error",
      }),
    );
    expect(refusedMail.paths).toEqual(["draft.variables.SmtpHost"]);
  });
});
