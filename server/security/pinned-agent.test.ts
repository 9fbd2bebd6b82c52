import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleTemplateContextInput } from "~/core/message-template/sample-context";
import { sendIntegrationMessage } from "~/server/delivery/send-message";
import { header, startReceiver, type Receiver } from "~/test-support/http-receiver";
import { integration } from "~/test-support/send-harness";
import { startMailCatcher, type MailCatcher } from "~/test-support/mail-catcher";
import type { ResolveHost } from "./outbound-guard";

let receiver: Receiver;
let smtp: MailCatcher;
let smtpPort = 0;
beforeAll(async () => {
  receiver = await startReceiver();
  smtp = await startMailCatcher();
  smtpPort = smtp.port;
});
afterAll(async () => {
  await receiver.close();
  await smtp.close();
});

const ctx = sampleTemplateContextInput("error");
const port = () => new URL(receiver.url).port;
/** A resolver whose answers change from call to call, as a rebinding DNS server's do. */
const answers = (...sequence: string[][]): ResolveHost => {
  let call = 0;
  return async () => sequence[Math.min(call++, sequence.length - 1)] ?? [];
};
const deps = (resolve: ResolveHost, allowList: string[] = []) => ({
  timeoutMs: 3000,
  idempotencyKey: "run-1:1:error:0",
  outbound: { allowList, resolve },
});

describe("outbound connections go to the address that was checked", () => {
  it("refuses a host whose second DNS answer is internal (rebinding), and sends nothing", async () => {
    const record = integration("webhook", { ApiUrl: `http://rebind.test:${port()}/rebind` });
    const before = receiver.requests.length;
    const result = await sendIntegrationMessage(record, ctx, deps(answers(["93.184.216.34"], ["127.0.0.1"])));
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: "OUTBOUND_BLOCKED" } });
    expect(receiver.requests.length).toBe(before);
  });

  it("connects to the checked address, under the original host name", async () => {
    // Only the injected resolver knows pinned.test: reaching the receiver proves its answer was used.
    const record = integration("webhook", { ApiUrl: `http://pinned.test:${port()}/pinned` });
    const result = await sendIntegrationMessage(record, ctx, deps(answers(["127.0.0.1"]), ["127.0.0.0/8"]));
    expect(result).toMatchObject({ ok: true, status: 200 });
    const request = receiver.requests.find((r) => r.url === "/pinned");
    expect(request && header(request, "host")).toBe(`pinned.test:${port()}`);
  });

  it("sends email to the checked address too, and refuses special ranges for SMTP hosts", async () => {
    const email = (host: string) =>
      integration("email", { SmtpHost: host, SmtpPort: String(smtpPort), From: "a@example.com", DisableTls: "true" });
    const input = sampleTemplateContextInput("error", { To: "ops@example.com" });
    const sent = await sendIntegrationMessage(email("mail.test"), input, deps(answers(["127.0.0.1"]), ["127.0.0.0/8"]));
    expect(sent).toMatchObject({ ok: true });
    expect(smtp.received).toHaveLength(1);
    for (const internal of ["198.18.0.1", "64:ff9b::a00:1", "224.0.0.1"]) {
      const refused = await sendIntegrationMessage(email("mx.test"), input, deps(answers([internal])));
      expect(refused).toMatchObject({ ok: false, retryable: false, error: { code: "OUTBOUND_BLOCKED" } });
    }
  });
});
