import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MESSAGE_TYPES } from "../../message-template/message-type";
import { jsonBody, startReceiver, type Receiver } from "../../../test-support/http-receiver";
import { integration, send } from "../../../test-support/send-harness";

const textObject = z.object({ type: z.enum(["mrkdwn", "plain_text"]), text: z.string().min(1).max(3000) });
/** Slack limits: action_id ≤ 255 characters, button value ≤ 2000, button text ≤ 75. */
const buttonElement = z.object({
  type: z.literal("button"),
  action_id: z.string().min(1).max(255),
  text: z.object({ type: z.literal("plain_text"), text: z.string().min(1).max(75) }),
  value: z.string().min(1).max(2000),
  style: z.enum(["primary", "danger"]).optional(),
});
const block = z.discriminatedUnion("type", [
  z.object({ type: z.literal("section"), text: textObject }),
  z.object({ type: z.literal("context"), elements: z.array(textObject).min(1).max(10) }),
  z.object({
    type: z.literal("actions"),
    block_id: z.string().max(255),
    elements: z.array(buttonElement).min(1).max(25),
  }),
]);
const messageSchema = z.object({ text: z.string().min(1).max(40_000), blocks: z.array(block).min(1).max(50) });

let receiver: Receiver;
const messages: z.infer<typeof messageSchema>[] = [];

beforeAll(async () => {
  receiver = await startReceiver((req) => {
    if (req.method !== "POST" || req.url !== "/services/T000/B000/XXXX") return { status: 404, body: "no_service" };
    const parsed = messageSchema.safeParse(jsonBody(req));
    // Slack's own answer to a bad payload.
    if (!parsed.success) return { status: 400, body: `invalid_payload ${parsed.error.message}` };
    messages.push(parsed.data);
    return { status: 200, headers: { "Content-Type": "text/html" }, body: "ok" };
  });
});
afterAll(() => receiver.close());

describe("Slack integration", () => {
  const record = () => integration("slack", {}, { WebhookUrl: `${receiver.url}/services/T000/B000/XXXX` });

  it.each(MESSAGE_TYPES)("posts %s with text and blocks", async (type) => {
    const result = await send(record(), type);
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ ok: true, status: 200, response: { body: "ok" } });
    const message = messages.at(-1);
    const headline = { error: "*Alert*", reminder: "*Reminder*", ok: "*Ok*" }[type];
    expect(message?.text).toContain(headline);
    // The Ok names the recovery, not the error's summary again.
    if (type === "ok") expect(message?.text).toMatch(/recovered after \d+:\d\d:\d\d$/);
    else expect(message?.text).toContain("ünïcödé");
    expect(JSON.stringify(message?.blocks)).toContain('Call \\"ops\\"');
    // Error and Reminder offer Acknowledge/Resolve; an Ok has nothing left to act on.
    const buttons = message?.blocks.flatMap((b) => (b.type === "actions" ? b.elements.map((e) => e.action_id) : []));
    expect(buttons).toEqual(type === "ok" ? [] : ["alertflow_acknowledge", "alertflow_resolve"]);
    // The webhook URL is the credential: it must not be stored with the delivery.
    expect(result.request?.url).not.toContain("XXXX");
  });

  it("classifies Slack's errors", async () => {
    const archived = await startReceiver(() => ({ status: 410, body: "channel_is_archived" }));
    expect(await send(integration("slack", {}, { WebhookUrl: archived.url }), "error")).toMatchObject({
      ok: false,
      retryable: false,
      status: 410,
    });
    await archived.close();
    const limited = await startReceiver(() => ({ status: 429, headers: { "Retry-After": "1" }, body: "rate_limited" }));
    expect(await send(integration("slack", {}, { WebhookUrl: limited.url }), "error")).toMatchObject({
      retryable: true,
      retryAfterMs: 1000,
    });
    await limited.close();
  });
});
