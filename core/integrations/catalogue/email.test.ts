import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import { MESSAGE_TYPES } from "../../message-template/message-type";
import type { IntegrationCustomizations } from "../customizations-schema";
import { hostileInput, integration, send } from "../../../test-support/send-harness";
import { startMailCatcher, type MailCatcher } from "../../../test-support/mail-catcher";

let catcher: MailCatcher;
let port = 0;
/** The last mail as a mail client reads it, with the envelope's recipients. */
const lastMail = (): (ParsedMail & { rcpt: string[] }) | undefined => {
  const mail = catcher.received.at(-1);
  return mail && { ...mail.parsed, rcpt: mail.rcpt };
};

beforeAll(async () => {
  catcher = await startMailCatcher({
    acceptsLogin: (user, pass) => user === "mailer" && pass === "smtp-pass",
    rcptAnswer: (address) =>
      address.startsWith("full@")
        ? { code: 452, message: "Mailbox full, try later" }
        : address.startsWith("nobody@")
          ? { code: 550, message: "No such user" }
          : undefined,
  });
  port = catcher.port;
});
afterAll(() => catcher?.close());

const record = (customizations: IntegrationCustomizations | null = null) =>
  integration(
    "email",
    {
      SmtpHost: "127.0.0.1",
      SmtpPort: String(port),
      SmtpUser: "mailer",
      From: "Alertflow <alerts@example.com>",
      DisableTls: "true",
    },
    { SmtpPassword: "smtp-pass" },
    customizations,
  );

describe("Email integration", () => {
  it.each(MESSAGE_TYPES)("sends %s with subject, HTML and plain text", async (type) => {
    const result = await send(record(), type, hostileInput(type, { To: "oncall@example.com, lead@example.com" }));
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ ok: true, status: 250, request: { method: "SMTP" } });
    const mail = lastMail();
    expect(mail?.rcpt).toEqual(["oncall@example.com", "lead@example.com"]);
    expect(mail?.subject).toMatch(
      { error: /^\[Alert\] Checkout "API"/, reminder: /^\[Reminder 1\] /, ok: /^\[Ok\] .* recovered after 0:25:05$/ }[
        type
      ],
    );
    expect(mail?.messageId).toBe(`<run-1.2.${type}.${type === "reminder" ? 1 : 0}@alertflow>`);
    // Untrusted alert text is escaped in HTML and kept verbatim in plain text.
    expect(mail?.html).toContain("Checkout &quot;API&quot;");
    if (type !== "ok") expect(mail?.html).toContain("&lt;b&gt;tag&lt;/b&gt;");
    expect(mail?.html).not.toContain("<b>tag</b>");
    if (type !== "ok") expect(mail?.text).toContain('line 2\t""Quoted" \\ back');
    expect(mail?.text).toContain('Call "ops"\nnow');
    expect(JSON.stringify(result)).not.toContain("smtp-pass");
  });

  it("uses customized subject and bodies per message type, non-ASCII text intact", async () => {
    const custom: IntegrationCustomizations = {
      email: {
        error: {
          subject: "Störung — {{@alert.type}} {{@DateTime(yyyy)}} #{{@escalationLevel.id}}",
          html: "<p>{{@XmlEncode({{@monitor.name}})}}</p>",
          text: "plain ✓ Zürich {{@incident.key}}",
        },
      },
    };
    const result = await send(record(custom), "error", hostileInput("error", { To: "oncall@example.com" }));
    expect(result.ok).toBe(true);
    expect(lastMail()).toMatchObject({
      subject: `Störung — Alert ${new Date().getUTCFullYear()} #2`,
      text: `plain ✓ Zürich ${hostileInput("error").incident.key}`,
    });
  });

  it("retries a 4xx SMTP reply and gives up on 5xx and bad credentials", async () => {
    expect(await send(record(), "error", hostileInput("error", { To: "full@example.com" }))).toMatchObject({
      ok: false,
      retryable: true,
      status: 452,
    });
    expect(await send(record(), "error", hostileInput("error", { To: "nobody@example.com" }))).toMatchObject({
      ok: false,
      retryable: false,
      status: 550,
    });
    const wrong = record();
    const result = await send(
      { ...wrong, secrets: { SmtpPassword: "nope" } },
      "error",
      hostileInput("error", { To: "a@example.com" }),
    );
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: "SMTP_ERROR" } });
  });

  it("refuses an SMTP host that is not allow-listed and reports missing settings", async () => {
    const { sendIntegrationMessage } = await import("../../../server/delivery/send-message");
    const blocked = await sendIntegrationMessage(record(), hostileInput("error", { To: "a@example.com" }), {
      timeoutMs: 2000,
      idempotencyKey: "k",
      outbound: { allowList: [] },
    });
    expect(blocked).toMatchObject({ ok: false, retryable: false, error: { code: "OUTBOUND_BLOCKED" } });
    expect(await send(record(), "error")).toMatchObject({
      ok: false,
      retryable: false,
      error: { code: "MISSING_VARIABLE" },
    });
  });
});
