import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGE_TYPES } from "../../message-template/message-type";
import { header, startReceiver, type Receiver } from "../../../test-support/http-receiver";
import { hostileInput, integration, send } from "../../../test-support/send-harness";

const SID = "AC0123456789abcdef0123456789abcdef";
const TOKEN = "twilio-auth-token";

let receiver: Receiver;
const sent: { to: string; from: string; body: string }[] = [];

beforeAll(async () => {
  receiver = await startReceiver((req) => {
    if (req.method !== "POST" || req.url !== `/2010-04-01/Accounts/${SID}/Messages.json`)
      throw new Error(`unexpected ${req.url}`);
    if (header(req, "authorization") !== `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`) {
      return { status: 401, body: { code: 20003, message: "Authenticate", status: 401 } };
    }
    if (!header(req, "content-type").startsWith("application/x-www-form-urlencoded"))
      throw new Error("not form-encoded");
    const form = new URLSearchParams(req.body);
    const to = form.get("To") ?? "";
    const from = form.get("From") ?? "";
    const body = form.get("Body") ?? "";
    if (!/^\+[1-9]\d{6,14}$/.test(to) || !/^\+[1-9]\d{6,14}$/.test(from)) {
      return {
        status: 400,
        body: { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 },
      };
    }
    if (body.length === 0 || [...body].length > 1600) throw new Error(`Body length ${[...body].length}`);
    sent.push({ to, from, body });
    return { status: 201, body: { sid: `SM${randomBytes(16).toString("hex")}`, status: "queued", to, from, body } };
  });
});
afterAll(() => receiver.close());

describe("SMS (Twilio-compatible) integration", () => {
  const record = () =>
    integration("sms", { ApiUrl: receiver.url, AccountSid: SID, From: "+15005550006" }, { AuthToken: TOKEN });

  it.each(MESSAGE_TYPES)("sends %s as a form post with basic auth", async (type) => {
    const result = await send(record(), type, hostileInput(type, { To: "+31612345678" }));
    expect(receiver.violations).toEqual([]);
    expect(result).toMatchObject({ ok: true, status: 201 });
    expect(sent.at(-1)).toMatchObject({ to: "+31612345678", from: "+15005550006" });
    expect(sent.at(-1)?.body.startsWith({ error: "ALERT", reminder: "REMINDER", ok: "OK" }[type])).toBe(true);
    expect(JSON.stringify(result.request)).not.toContain(Buffer.from(`${SID}:${TOKEN}`).toString("base64"));
  });

  it("gives up on Twilio's 400 for a bad number", async () => {
    const result = await send(record(), "error", hostileInput("error", { To: "0612" }));
    expect(result).toMatchObject({ ok: false, retryable: false, status: 400 });
  });
});
