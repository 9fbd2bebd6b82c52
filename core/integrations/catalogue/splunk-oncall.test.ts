import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MESSAGE_TYPES } from "../../message-template/message-type";
import { jsonBody, startReceiver, type Receiver } from "../../../test-support/http-receiver";
import { hostileInput, integration, send } from "../../../test-support/send-harness";

const alertSchema = z.object({
  message_type: z.enum(["CRITICAL", "WARNING", "ACKNOWLEDGEMENT", "INFO", "RECOVERY"]),
  entity_id: z.string().min(1),
  entity_display_name: z.string().optional(),
  state_message: z.string().optional(),
  state_start_time: z.number().int().positive().optional(),
  timestamp: z.number().int().positive().optional(),
  monitoring_tool: z.string().optional(),
});

let receiver: Receiver;
const alerts: { routingKey: string; alert: z.infer<typeof alertSchema> }[] = [];

beforeAll(async () => {
  receiver = await startReceiver((req) => {
    const m = /^\/integrations\/generic\/20131114\/alert\/API-KEY-1\/([^/]+)$/.exec(req.url);
    if (req.method !== "POST" || !m?.[1]) throw new Error(`unexpected ${req.method} ${req.url}`);
    const alert = alertSchema.loose().parse(jsonBody(req));
    alerts.push({ routingKey: decodeURIComponent(m[1]), alert });
    return { status: 200, body: { result: "success", entity_id: alert.entity_id } };
  });
});
afterAll(() => receiver.close());

describe("Splunk On-Call integration", () => {
  it.each(MESSAGE_TYPES)("sends %s to the REST endpoint with a constant entity_id", async (type) => {
    const record = integration(
      "splunk-oncall",
      { RoutingKey: "default-route" },
      { SplunkOnCallUrl: `${receiver.url}/integrations/generic/20131114/alert/API-KEY-1` },
    );
    const result = await send(record, type, hostileInput(type, { RoutingKey: "level 2 route" }));
    expect(receiver.violations).toEqual([]);
    expect(result).toMatchObject({ ok: true, status: 200 });
    const last = alerts.at(-1);
    expect(last?.routingKey).toBe("level 2 route");
    expect(last?.alert.message_type).toBe({ error: "CRITICAL", reminder: "INFO", ok: "RECOVERY" }[type]);
    expect(last?.alert.entity_id).toBe(hostileInput(type).incident.key);
    expect(result.request?.url).not.toContain("API-KEY-1");
  });
});
