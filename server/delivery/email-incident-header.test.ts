import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integration, hostileInput, send } from "~/test-support/send-harness";
import { startMailCatcher, type MailCatcher } from "~/test-support/mail-catcher";

/**
 * The `X-Alertflow-Incident` header carries the alert key, which the sender chose: through a real
 * SMTP server, a key with CR/LF cannot add headers or start the body, a non-ASCII or 2,000-character
 * key arrives whole, and the mail is sent every time.
 */
let catcher: MailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher();
});
afterAll(() => catcher?.close());

const port = () => new URL(catcher.url).port;
const record = () =>
  integration("email", { SmtpHost: "127.0.0.1", SmtpPort: port(), From: "alerts@example.com", DisableTls: "true" }, {});

async function mailFor(key: string) {
  const before = catcher.received.length;
  const input = hostileInput("error", { To: "oncall@example.com" });
  const result = await send(record(), "error", {
    ...input,
    alert: { ...input.alert, key },
    incident: { ...input.incident, key },
  });
  expect(result.error).toBeUndefined();
  expect(result.ok).toBe(true);
  expect(catcher.received).toHaveLength(before + 1);
  const mail = catcher.received.at(-1);
  if (!mail) throw new Error("no mail");
  return mail;
}

/** The header as a mail client reads it: RFC 2047 words decoded, the space between two words dropped. */
function decoded(mail: { headers: Map<string, unknown> }): string {
  const raw = String(mail.headers.get("x-alertflow-incident") ?? "");
  const words = /^(?:=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=\s*)+$/i.test(raw)
    ? [...raw.matchAll(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/gi)].map((m) => Buffer.from(m[1] ?? "", "base64"))
    : null;
  return words ? Buffer.concat(words).toString("utf8") : raw;
}

const incidentLines = (mail: { headerLines: { key: string; line: string }[] }) =>
  mail.headerLines.filter((h) => h.key === "x-alertflow-incident");

describe("X-Alertflow-Incident with a hostile alert key", () => {
  it.each([
    ["CRLF", "k1\r\nBcc: attacker@example.com\r\nX-Injected: yes"],
    ["bare LF", "k2\nX-Injected: yes"],
    ["bare CR", "k3\rX-Injected: yes"],
    ["a blank line", "k4\r\n\r\nInjected body"],
  ])("keeps a key with %s on one header: no header or body is injected", async (_name, key) => {
    const mail = await mailFor(key);
    expect(incidentLines(mail)).toHaveLength(1);
    expect(mail.headerLines.map((h) => h.key)).not.toContain("x-injected");
    expect(mail.headerLines.map((h) => h.key)).not.toContain("bcc");
    expect(mail.to).toBe("oncall@example.com");
    expect(mail.text).not.toMatch(/^Injected body/);
    // The line breaks become spaces; the rest of the key is kept for correlation.
    expect(decoded(mail)).toBe(key.replace(/\r\n|\r|\n/g, " "));
  });

  it("carries a non-ASCII key as an encoded word, decoded whole by the client", async () => {
    const key = "ключ-✓-ünïcödé-監視";
    const mail = await mailFor(key);
    const [line] = incidentLines(mail);
    expect(line?.line).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    expect(decoded(mail)).toBe(key);
  });

  it("carries a 2,000-character key folded into lines a server accepts", async () => {
    const key = `svc-${"x".repeat(996)}-${"é".repeat(999)}`;
    expect(key).toHaveLength(2000);
    const mail = await mailFor(key);
    const [line] = incidentLines(mail);
    for (const physical of line?.line.split(/\r?\n/) ?? []) expect(physical.length).toBeLessThanOrEqual(998);
    expect(decoded(mail)).toBe(key);
  });
});
