import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MESSAGE_TYPES } from "../../message-template/message-type";
import { jsonBody, startReceiver, type Receiver } from "../../../test-support/http-receiver";
import { hostileInput, integration, send } from "../../../test-support/send-harness";

// AlertOps matches on source + source name + source id; source status picks open/close/update.
const alertSchema = z
  .object({
    source: z.string().min(1),
    source_name: z.string().min(1),
    source_id: z.string().min(1),
    source_status: z.enum(["Alert", "Reminder", "Ok"]),
    subject: z.string().min(1),
  })
  .loose();

let receiver: Receiver;
const alerts: z.infer<typeof alertSchema>[] = [];

beforeAll(async () => {
  receiver = await startReceiver((req) => {
    if (req.method !== "POST" || !req.url.startsWith("/api/v2/inbound/apikey123"))
      throw new Error(`unexpected ${req.url}`);
    alerts.push(alertSchema.parse(jsonBody(req)));
    return { status: 200, body: { status: "Success", message: "Alert received" } };
  });
});
afterAll(() => receiver.close());

describe("AlertOps integration", () => {
  it.each(MESSAGE_TYPES)("sends %s with source, source name, source id and source status", async (type) => {
    const result = await send(
      integration("alertops", {}, { ApiUrl: `${receiver.url}/api/v2/inbound/apikey123` }),
      type,
    );
    expect(receiver.violations).toEqual([]);
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(alerts.at(-1)).toMatchObject({
      source: "Alertflow",
      source_id: hostileInput(type).incident.key,
      source_status: { error: "Alert", reminder: "Reminder", ok: "Ok" }[type],
    });
  });
});
