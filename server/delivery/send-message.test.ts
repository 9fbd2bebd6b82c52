import { createHash } from "node:crypto";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { REDACTED } from "~/core/secrets/redact";
import { sampleTemplateContextInput } from "~/core/message-template/sample-context";
import type { IntegrationCustomizations } from "~/core/integrations/customizations-schema";
import { sendIntegrationMessage } from "./send-message";
import type { SendDeps } from "./send-deps";
import { header, startReceiver, type Receiver, type Reply } from "~/test-support/http-receiver";
import { integration } from "~/test-support/send-harness";
import { listeningPort } from "~/test-support/listening-port";

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const deps = (over: Partial<SendDeps> = {}): SendDeps => ({
  timeoutMs: 3000,
  idempotencyKey: "run-1:1:error:0",
  outbound: { allowList: ["127.0.0.1"] },
  ...over,
});

async function webhookReplying(reply: Reply | ((n: number) => Reply)) {
  let n = 0;
  receiver = await startReceiver(() => (typeof reply === "function" ? reply(++n) : reply));
  return integration("webhook", { ApiUrl: `${receiver.url}/hook` });
}

const ctx = sampleTemplateContextInput("error");

describe("sendIntegrationMessage: outcome classification", () => {
  it("delivers, sending the Idempotency-Key header", async () => {
    const record = await webhookReplying({ status: 200, body: "ok" });
    const result = await sendIntegrationMessage(record, ctx, deps());
    expect(result).toMatchObject({
      ok: true,
      skipped: false,
      retryable: false,
      status: 200,
      attemptsInfo: { requests: 1 },
    });
    expect(header(receiver!.requests[0]!, "idempotency-key")).toBe("run-1:1:error:0");
    expect(result.request).toMatchObject({ method: "POST", url: `${receiver!.url}/hook` });
    expect(result.response).toMatchObject({ status: 200, body: "ok" });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("retries 503 and 429, honouring Retry-After in seconds and as a date", async () => {
    const record = await webhookReplying((n) =>
      n === 1
        ? { status: 503, body: "down" }
        : n === 2
          ? { status: 429, headers: { "Retry-After": "7" }, body: "slow down" }
          : { status: 429, headers: { "Retry-After": new Date(Date.now() + 60_000).toUTCString() } },
    );
    expect(await sendIntegrationMessage(record, ctx, deps())).toMatchObject({
      ok: false,
      retryable: true,
      status: 503,
      error: { code: "HTTP_ERROR" },
    });
    expect(await sendIntegrationMessage(record, ctx, deps())).toMatchObject({
      ok: false,
      retryable: true,
      status: 429,
      retryAfterMs: 7000,
    });
    const dated = await sendIntegrationMessage(record, ctx, deps());
    expect(dated.retryAfterMs).toBeGreaterThan(50_000);
    expect(dated.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it("treats 400 as final and 408 as retryable", async () => {
    const record = await webhookReplying((n) => (n === 1 ? { status: 400, body: "invalid_payload" } : { status: 408 }));
    const bad = await sendIntegrationMessage(record, ctx, deps());
    expect(bad).toMatchObject({ ok: false, retryable: false, status: 400, response: { body: "invalid_payload" } });
    expect(bad.error?.message).toContain("invalid_payload");
    expect(await sendIntegrationMessage(record, ctx, deps())).toMatchObject({ retryable: true, status: 408 });
  });

  it("retries a refused connection", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = listeningPort(server);
    await new Promise<void>((r) => server.close(() => r()));
    const result = await sendIntegrationMessage(
      integration("webhook", { ApiUrl: `http://127.0.0.1:${port}/` }),
      ctx,
      deps(),
    );
    expect(result).toMatchObject({ ok: false, retryable: true, error: { code: "NETWORK_ERROR" }, response: null });
    expect(result.error?.message).toContain("ECONNREFUSED");
    expect(result.request?.url).toBe(`http://127.0.0.1:${port}/`);
  });

  it("retries a timeout", async () => {
    receiver = await startReceiver(
      () => new Promise<Reply>((resolve) => setTimeout(() => resolve({ status: 200 }), 1500)),
    );
    const result = await sendIntegrationMessage(
      integration("webhook", { ApiUrl: receiver.url }),
      ctx,
      deps({ timeoutMs: 200 }),
    );
    expect(result).toMatchObject({ ok: false, retryable: true, error: { code: "TIMEOUT" } });
  });

  it("refuses private addresses that are not allow-listed, finally", async () => {
    const record = await webhookReplying({ status: 200 });
    const result = await sendIntegrationMessage(record, ctx, deps({ outbound: { allowList: [] } }));
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: "OUTBOUND_BLOCKED" } });
    expect(receiver!.requests).toHaveLength(0);
  });

  it("checks every redirect hop against the guard", async () => {
    receiver = await startReceiver((req) =>
      req.url === "/start" ? { status: 307, headers: { Location: "http://10.0.0.1/internal" } } : { status: 200 },
    );
    const result = await sendIntegrationMessage(
      integration("webhook", { ApiUrl: `${receiver.url}/start` }),
      ctx,
      deps({ outbound: { allowList: [`127.0.0.1`] } }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: "OUTBOUND_BLOCKED" } });
  });

  it("fails finally on template errors at send time", async () => {
    const record = await webhookReplying({ status: 200 });
    const custom: IntegrationCustomizations = {
      stepDefinitions: [
        {
          messageTypes: ["error"],
          steps: [
            {
              name: "",
              method: "POST",
              url: "{{ApiUrl}}",
              headers: {},
              body: { type: "raw", content: "{{Nope}}" },
              auth: { type: "none" },
              captures: [],
            },
          ],
        },
      ],
    };
    const result = await sendIntegrationMessage({ ...record, customizations: custom }, ctx, deps());
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: "TEMPLATE_ERROR" } });
  });

  it("skips message types the integration has no definition for", async () => {
    const result = await sendIntegrationMessage(
      integration("statuspage", { PageId: "p", ComponentId: "c" }, { ApiKey: "k" }),
      sampleTemplateContextInput("reminder"),
      deps(),
    );
    expect(result).toMatchObject({ ok: true, skipped: true, retryable: false, request: null });
    expect(result.skipReason).toContain("reminder");
  });
});

describe("sendIntegrationMessage: steps, captures, auth, redaction", () => {
  it("runs steps in order, feeding captures into later steps, and redacts secrets", async () => {
    receiver = await startReceiver((req) => {
      if (req.url === "/token")
        return { status: 200, headers: { "X-Session": "sess-42" }, body: { data: [{ token: "tok-SECRET-99" }] } };
      if (req.url === "/alerts?session=sess-42") {
        if (header(req, "authorization") !== "Bearer tok-SECRET-99") throw new Error("bad bearer");
        return { status: 201, body: { echo: "p4ssw0rd tok-SECRET-99" } };
      }
      throw new Error(`unexpected ${req.url}`);
    });
    const custom: IntegrationCustomizations = {
      stepDefinitions: [
        {
          messageTypes: ["error", "ok"],
          steps: [
            {
              name: "Login",
              method: "POST",
              url: "{{ApiUrl}}/token",
              headers: {},
              body: { type: "form", fields: { user: "bot", password: "{{Password}}" } },
              auth: { type: "basic", username: "bot", password: "{{Password}}" },
              captures: [
                { name: "Token", from: "jsonPath", path: "$.data[0].token" },
                { name: "Session", from: "header", path: "X-Session" },
              ],
            },
            {
              name: "Alert",
              method: "POST",
              url: "{{ApiUrl}}/alerts?session={{Session}}",
              headers: {},
              body: { type: "raw", content: '{"key":"{{@incident.key}}","pw":"{{Password}}"}' },
              auth: { type: "bearer", token: "{{Token}}" },
              captures: [],
            },
          ],
        },
      ],
    };
    const record = integration("webhook", { ApiUrl: receiver.url }, { Password: "p4ssw0rd" }, custom);
    const result = await sendIntegrationMessage(record, ctx, deps());
    expect(receiver.violations).toEqual([]);
    expect(result).toMatchObject({ ok: true, status: 201, attemptsInfo: { requests: 2 } });
    expect(result.steps.map((s) => s.name)).toEqual(["Login", "Alert"]);
    expect(receiver.requests.map((r) => header(r, "idempotency-key"))).toEqual([
      "run-1:1:error:0",
      "run-1:1:error:0:2",
    ]);
    expect(receiver.requests[0]?.body).toBe("user=bot&password=p4ssw0rd");
    const recorded = JSON.stringify(result.steps);
    expect(recorded).not.toContain("p4ssw0rd");
    expect(recorded).not.toContain(Buffer.from("bot:p4ssw0rd").toString("base64"));
    expect(recorded).not.toContain("tok-SECRET-99");
    expect(result.steps[0]?.request.body).toBe(`user=bot&password=${REDACTED}`);
    expect(result.response?.body).toBe(`{"echo":"${REDACTED} ${REDACTED}"}`);
  });

  it("fails finally when a capture finds nothing", async () => {
    receiver = await startReceiver(() => ({ status: 200, body: { result: [] } }));
    const custom: IntegrationCustomizations = {
      stepDefinitions: [
        {
          messageTypes: ["error"],
          steps: [
            {
              name: "Find",
              method: "GET",
              url: "{{ApiUrl}}",
              headers: {},
              body: { type: "none" },
              auth: { type: "none" },
              captures: [{ name: "Id", from: "jsonPath", path: "$.result[0].sys_id" }],
            },
            {
              name: "Use",
              method: "GET",
              url: "{{ApiUrl}}/{{Id}}",
              headers: {},
              body: { type: "none" },
              auth: { type: "none" },
              captures: [],
            },
          ],
        },
      ],
    };
    const result = await sendIntegrationMessage(
      integration("webhook", { ApiUrl: receiver.url }, {}, custom),
      ctx,
      deps(),
    );
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: "CAPTURE_FAILED" } });
    expect(receiver.requests).toHaveLength(1);
  });

  /** Answers 401 with `challenge` until a Digest answer to nonce "n0nce" hashed with `hash` comes. */
  const digestReceiver = (challenge: string, hash: string, path: string) =>
    startReceiver((req) => {
      const auth = header(req, "authorization");
      if (!auth.startsWith("Digest ")) return { status: 401, headers: { "WWW-Authenticate": challenge } };
      const h = (s: string) => createHash(hash).update(s).digest("hex");
      const p = Object.fromEntries([...auth.matchAll(/(\w+)="?([^",]*)"?/g)].map((m) => [m[1], m[2]]));
      const expected = h(`${h("bot:alerts:pw")}:n0nce:${p.nc}:${p.cnonce}:auth:${h(`POST:${p.uri}`)}`);
      if (p.response !== expected || p.uri !== path || p.opaque !== "op") throw new Error(`bad digest ${auth}`);
      return { status: 200 };
    });

  const sendDigestStep = (apiUrl: string, url: string) => {
    const custom: IntegrationCustomizations = {
      stepDefinitions: [
        {
          messageTypes: ["error"],
          steps: [
            {
              name: "",
              method: "POST",
              url,
              headers: {},
              body: { type: "raw", content: "hi" },
              auth: { type: "digest", username: "bot", password: "pw" },
              captures: [],
            },
          ],
        },
      ],
    };
    return sendIntegrationMessage(integration("webhook", { ApiUrl: apiUrl }, {}, custom), ctx, deps());
  };

  it("answers a digest challenge", async () => {
    receiver = await digestReceiver(
      'Digest realm="alerts", nonce="n0nce", qop="auth", opaque="op"',
      "md5",
      "/digest?x=1",
    );
    const result = await sendDigestStep(receiver.url, "{{ApiUrl}}/digest?x=1");
    expect(receiver.violations).toEqual([]);
    expect(result).toMatchObject({ ok: true, status: 200, attemptsInfo: { requests: 2 } });
  });

  it("answers the first Digest challenge it can among several in one header, hashing SHA-512-256", async () => {
    receiver = await digestReceiver(
      'Basic realm="alerts", Digest realm="alerts", nonce="int-only", qop="auth-int", algorithm=SHA-256, ' +
        'Digest realm="alerts", nonce="n0nce", qop="auth", algorithm=SHA-512-256, opaque="op", ' +
        'Digest realm="alerts", nonce="md5", qop="auth", algorithm=MD5',
      "sha512-256",
      "/digest",
    );
    const result = await sendDigestStep(receiver.url, "{{ApiUrl}}/digest");
    expect(receiver.violations).toEqual([]);
    expect(result).toMatchObject({ ok: true, status: 200, attemptsInfo: { requests: 2 } });
  });
});
