import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MESSAGE_TYPES } from "../../message-template/message-type";
import { jsonBody, startReceiver, type Receiver } from "../../../test-support/http-receiver";
import { integration, send } from "../../../test-support/send-harness";

const element = z.object({ type: z.string().min(1) }).loose();
const envelopeSchema = z.object({
  type: z.literal("message"),
  attachments: z
    .array(
      z.object({
        contentType: z.literal("application/vnd.microsoft.card.adaptive"),
        contentUrl: z.null().optional(),
        content: z.object({
          type: z.literal("AdaptiveCard"),
          version: z.string().regex(/^1\.\d$/),
          $schema: z.string().optional(),
          body: z.array(element).min(1),
          actions: z
            .array(z.object({ type: z.literal("Action.OpenUrl"), title: z.string().min(1), url: z.url() }))
            .optional(),
        }),
      }),
    )
    .length(1),
});

let receiver: Receiver;
const cards: z.infer<typeof envelopeSchema>[] = [];

beforeAll(async () => {
  receiver = await startReceiver((req) => {
    if (req.method !== "POST" || !req.url.startsWith("/workflows/abc/triggers/manual/paths/invoke"))
      throw new Error(`unexpected ${req.url}`);
    cards.push(envelopeSchema.parse(jsonBody(req)));
    return { status: 202 };
  });
});
afterAll(() => receiver.close());

describe("Microsoft Teams integration", () => {
  const url = () => `${receiver.url}/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=SIGNATURE`;

  it.each(MESSAGE_TYPES)("posts %s as an Adaptive Card message", async (type) => {
    const result = await send(integration("teams", {}, { WorkflowUrl: url() }), type);
    expect(receiver.violations).toEqual([]);
    expect(result).toMatchObject({ ok: true, status: 202 });
    const card = cards.at(-1)?.attachments[0]?.content;
    expect(JSON.stringify(card?.body)).toContain({ error: "Alert", reminder: "Reminder", ok: "Ok" }[type]);
    const acts = type === "ok" ? [] : ["Acknowledge", "Resolve"];
    expect(card?.actions?.map((a) => a.title)).toEqual(["Dashboard", "Error", "Monitor", ...acts]);
    expect(result.request?.url).not.toContain("SIGNATURE");
  });
});
