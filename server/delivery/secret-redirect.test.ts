import { afterEach, describe, expect, it } from "vitest";
import { sampleTemplateContextInput } from "~/core/message-template/sample-context";
import type { IntegrationCustomizations } from "~/core/integrations/customizations-schema";
import { secretForms } from "~/core/secrets/redact";
import { sendIntegrationMessage } from "./send-message";
import { startReceiver, type Receiver, type ReceiverScript } from "~/test-support/http-receiver";
import { integration } from "~/test-support/send-harness";

const CANARY = "CANARY-redirect-7f3a9c-secret";
const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});
const receiver = async (script: ReceiverScript) => {
  const r = await startReceiver(script);
  receivers.push(r);
  return r;
};
const ctx = sampleTemplateContextInput("error");
const deps = { timeoutMs: 3000, idempotencyKey: "run-1:1:error:0", outbound: { allowList: ["127.0.0.1"] } };

const bearerStep = (url: string, body = '{"ok": true}'): IntegrationCustomizations => ({
  stepDefinitions: [
    {
      messageTypes: ["error"],
      steps: [
        {
          name: "Post",
          method: "POST",
          url,
          headers: { "X-Api-Key": "{{Token}}", "X-Team": "payments" },
          body: { type: "raw", content: body },
          auth: { type: "bearer", token: "{{Token}}" },
          captures: [],
        },
      ],
    },
  ],
});
const record = (custom: IntegrationCustomizations) => integration("webhook", {}, { Token: CANARY }, custom);
const leaks = (value: unknown) => {
  const text = JSON.stringify(value);
  return secretForms(CANARY).filter((form) => text.includes(form));
};

describe("redirects and recorded exchanges never carry a secret elsewhere", () => {
  it("a redirect to another origin drops the credentials; one within the origin keeps them", async () => {
    const other = await receiver(() => ({ status: 200, body: "elsewhere" }));
    const origin = await receiver((req) =>
      req.url === "/start"
        ? { status: 302, headers: { location: "/same" } }
        : req.url === "/same"
          ? { status: 302, headers: { location: `${other.url}/landing` } }
          : { status: 500 },
    );
    const result = await sendIntegrationMessage(record(bearerStep(`${origin.url}/start`)), ctx, deps);
    expect(result.ok).toBe(true);
    expect(origin.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${CANARY}`, `Bearer ${CANARY}`]);
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
    expect(other.requests[0]?.headers["x-api-key"]).toBeUndefined();
    expect(other.requests[0]?.headers["x-team"]).toBe("payments");
    expect(leaks(other.requests)).toEqual([]);
    expect(leaks(result)).toEqual([]);
  });

  it("a 307 that would resend a body holding the secret to another origin is not followed", async () => {
    const other = await receiver(() => ({ status: 200 }));
    const origin = await receiver(() => ({ status: 307, headers: { location: `${other.url}/steal` } }));
    const result = await sendIntegrationMessage(
      record(bearerStep(`${origin.url}/hook`, '{"key": "{{@Base64Encode({{Token}})}}"}')),
      ctx,
      deps,
    );
    expect(other.requests).toHaveLength(0);
    expect(result).toMatchObject({ ok: false, status: 307 });
    expect(leaks(result)).toEqual([]);
  });

  it("a failing receiver that echoes the secret in every encoding has it redacted from body, headers and error", async () => {
    const b = Buffer.from(CANARY);
    const echo = [CANARY, b.toString("base64"), b.toString("base64url"), b.toString("hex"), encodeURIComponent(CANARY)];
    const origin = await receiver(() => ({
      status: 400,
      headers: { "x-echo": b.toString("base64"), "x-hex": b.toString("hex") },
      body: `bad request: ${echo.join(" ")}`,
    }));
    const result = await sendIntegrationMessage(record(bearerStep(`${origin.url}/hook`)), ctx, deps);
    expect(result).toMatchObject({ ok: false, status: 400, error: { code: "HTTP_ERROR" } });
    expect(result.response?.headers["x-echo"]).toBe("[REDACTED]");
    expect(leaks(result)).toEqual([]);
  });
});
