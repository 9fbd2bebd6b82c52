import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { header, startReceiver, type Receiver, type ReceivedRequest } from "../../../test-support/http-receiver";
import { integration, send } from "../../../test-support/send-harness";
import { getIntegrationDefinition, integrationDefinitions } from "../registry";
import type { HttpStep } from "../customizations-schema";
import type { IntegrationType } from "../integration-types";

/**
 * Every value a user or a secret supplies, made hostile: quotes, backslashes, a line break,
 * markup, `&`, URL syntax, template syntax, a control character, non-Latin-1 and astral
 * characters. Each HTTP type's default steps are sent to a real receiver that parses the body
 * strictly as its content type says, and every value must come out exactly as it went in.
 */
const HOSTILE = ` "q" \\b\\ 'a' <lt>&amp; /s?#%2F+ {{x}} ü✓𝄞\u0007\nend`;
/** HTTP headers carry Latin-1 and no line breaks; a basic-auth user-id has no colon. */
const HEADER_SAFE = ` "q" \\b\\ 'a' <lt>&amp; /s?#%2F+ {{x}} é`;
/** ServiceNow's record id, captured from its answer and put into the next step's URL. */
const CAPTURED_SYS_ID = `../x?y#z "q" ü`;

const HTTP_TYPES = Object.values(integrationDefinitions).flatMap((d) => (d.transport === "http" ? [d.type] : []));

function stepText(step: HttpStep): { headers: string; other: string; username: string } {
  const auth = step.auth;
  return {
    headers: Object.values(step.headers).join("\n"),
    other: [
      step.url,
      JSON.stringify(step.body),
      auth.type === "bearer" ? auth.token : "",
      auth.type === "basic" || auth.type === "digest" ? auth.password : "",
    ].join("\n"),
    username: auth.type === "basic" || auth.type === "digest" ? auth.username : "",
  };
}

/** The texts a receiver reads out of a request, each decoded as its place demands. */
function decodedTexts(req: ReceivedRequest, base: string): string[] {
  const texts: string[] = [];
  const url = new URL(req.url, base);
  texts.push(...url.pathname.split("/").map((segment) => decodeURIComponent(segment)));
  for (const [, value] of url.searchParams) texts.push(value);
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === "authorization" && typeof value === "string" && value.startsWith("Basic ")) {
      texts.push(...Buffer.from(value.slice(6), "base64").toString("utf8").split(/:(.*)/s));
    } else if (typeof value === "string") texts.push(value);
  }
  const type = header(req, "content-type");
  if (req.body === "") return texts;
  if (type.startsWith("application/json")) {
    // Strict: JSON.parse refuses raw line breaks inside strings, stray quotes and bad escapes.
    const walk = (v: unknown): void => {
      if (typeof v === "string") texts.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(JSON.parse(req.body));
  } else if (type.startsWith("application/x-www-form-urlencoded")) {
    if (!/^[A-Za-z0-9%&=+._~*-]*$/.test(req.body)) throw new Error("form body is not fully percent-encoded");
    for (const [, value] of new URLSearchParams(req.body)) texts.push(value);
  } else {
    throw new Error(`unexpected content-type "${type}"`);
  }
  return texts;
}

let receiver: Receiver;
const decoded = new Map<number, string[]>();

beforeAll(async () => {
  receiver = await startReceiver((req, index) => {
    decoded.set(index, decodedTexts(req, receiver.url));
    // ServiceNow's lookup before resolving: hand back a hostile sys_id to capture.
    if (req.method === "GET") return { status: 200, body: { result: [{ sys_id: CAPTURED_SYS_ID }] } };
    return { status: 200, body: { ok: true } };
  });
});
afterAll(() => receiver.close());

function valuesFor(type: IntegrationType) {
  const definition = getIntegrationDefinition(type);
  if (definition.transport !== "http") throw new Error(`${type} does not send HTTP`);
  const steps = definition.defaultStepDefinitions.flatMap((d) => d.steps).map(stepText);
  const variables: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  const expected: string[] = [];
  for (const v of definition.variables) {
    const placeholder = `{{${v.name}}}`;
    const isBaseUrl = steps.some((s) => s.other.startsWith(placeholder));
    const inHeader = steps.some((s) => s.headers.includes(placeholder) || s.username.includes(placeholder));
    const used = isBaseUrl || inHeader || steps.some((s) => s.other.includes(placeholder));
    // A base URL must stay a URL to reach the receiver; everything else is hostile.
    const value = isBaseUrl ? `${receiver.url}/${type}` : `${v.name}=${inHeader ? HEADER_SAFE : HOSTILE}`;
    (v.secret ? secrets : variables)[v.name] = value;
    if (used && !isBaseUrl) expected.push(value);
  }
  return { variables, secrets, expected, messageTypes: definition.capabilities.defaultMessageTypes };
}

describe("every HTTP integration carries hostile variable and secret values exactly", () => {
  it("covers every HTTP type of the catalogue", () => {
    expect(HTTP_TYPES.sort()).toEqual(
      [
        "alertops",
        "opsgenie",
        "pagerduty",
        "phone",
        "servicenow",
        "slack",
        "sms",
        "splunk-oncall",
        "statushub",
        "statuspage",
        "teams",
        "webhook",
      ].sort(),
    );
  });

  it.each(HTTP_TYPES)("%s", async (type) => {
    const { variables, secrets, expected, messageTypes } = valuesFor(type);
    const seen: string[] = [];
    for (const messageType of messageTypes) {
      const first = receiver.requests.length;
      const violations = receiver.violations.length;
      const result = await send(integration(type, variables, secrets), messageType);
      expect(receiver.violations.slice(violations)).toEqual([]);
      expect(result.error).toBeUndefined();
      expect(result.ok).toBe(true);
      for (let i = first; i < receiver.requests.length; i++) seen.push(...(decoded.get(i) ?? []));
      // Stored requests hold no secret in any form it was sent in.
      const stored = JSON.stringify(result.steps);
      for (const secret of Object.values(secrets)) {
        if (secret.startsWith(receiver.url)) continue;
        for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) {
          expect(stored).not.toContain(form);
        }
        expect(stored).not.toContain(new URLSearchParams({ v: secret }).toString().slice(2));
      }
    }
    for (const value of expected) {
      expect(
        seen.some((text) => text.includes(value)),
        `${type}: ${JSON.stringify(value)}`,
      ).toBe(true);
    }
    if (type === "servicenow") expect(seen).toContain(CAPTURED_SYS_ID);
  });
});

describe("values HTTP cannot carry in a header", () => {
  it.each([
    ["a line break", "key\nX-Injected: 1"],
    ["non-Latin-1 characters", "kéy✓"],
  ])("refuses an API key with %s once, naming the header and not the key", async (_, apiKey) => {
    const before = receiver.requests.length;
    const result = await send(
      integration("opsgenie", { ApiUrl: `${receiver.url}/opsgenie` }, { ApiKey: apiKey }),
      "error",
    );
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: "TEMPLATE_ERROR" } });
    expect(result.error?.message).toContain('Header "Authorization"');
    expect(result.error?.message).not.toContain(apiKey);
    expect(receiver.requests.length).toBe(before);
  });

  it("refuses a basic-auth username with a colon (the receiver would split it elsewhere)", async () => {
    const result = await send(
      integration("sms", { ApiUrl: receiver.url, AccountSid: "AC:1", From: "+1", To: "+2" }, { AuthToken: "t0ken" }),
      "error",
    );
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: "TEMPLATE_ERROR" } });
  });
});
