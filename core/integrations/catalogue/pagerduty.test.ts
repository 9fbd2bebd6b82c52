import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MESSAGE_TYPES } from "../../message-template/message-type";
import { header, jsonBody, startReceiver, type Receiver } from "../../../test-support/http-receiver";
import { hostileInput, integration, send } from "../../../test-support/send-harness";

const ROUTING_KEY = "R0123456789abcdef0123456789abcd1";

// Events API v2, as documented: routing_key is 32 characters; triggers need summary ≤1024, source, severity.
const common = { routing_key: z.string().length(32), dedup_key: z.string().min(1).max(255) };
const triggerSchema = z.object({
  ...common,
  event_action: z.literal("trigger"),
  client: z.string().optional(),
  payload: z.object({
    summary: z.string().min(1).max(1024),
    source: z.string().min(1).max(255),
    severity: z.enum(["critical", "error", "warning", "info"]),
    timestamp: z.iso.datetime().optional(),
    component: z.string().optional(),
    group: z.string().optional(),
    class: z.string().optional(),
    custom_details: z.record(z.string(), z.unknown()).optional(),
  }),
});
const resolveSchema = z.object({ ...common, event_action: z.literal("resolve") }).strict();

let receiver: Receiver;
const events: z.infer<typeof triggerSchema | typeof resolveSchema>[] = [];

beforeAll(async () => {
  receiver = await startReceiver((req) => {
    if (req.method !== "POST" || req.url !== "/v2/enqueue") throw new Error(`unexpected ${req.method} ${req.url}`);
    if (Buffer.byteLength(req.body) > 512 * 1024) throw new Error("payload above 512 KB");
    const body = jsonBody(req);
    const event = z.union([triggerSchema, resolveSchema]).parse(body);
    events.push(event);
    return { status: 202, body: { status: "success", message: "Event processed", dedup_key: event.dedup_key } };
  });
});
afterAll(() => receiver.close());

describe("PagerDuty integration", () => {
  const record = () => integration("pagerduty", { ApiUrl: `${receiver.url}/v2/enqueue` }, { RoutingKey: ROUTING_KEY });

  it.each(MESSAGE_TYPES)("sends %s as the Events API v2 expects", async (type) => {
    const result = await send(record(), type);
    expect(receiver.violations).toEqual([]);
    expect(result).toMatchObject({ ok: true, status: 202, retryable: false });
    const event = events.at(-1);
    const input = hostileInput(type);
    expect(event?.event_action).toBe(type === "ok" ? "resolve" : "trigger");
    expect(event?.dedup_key).toBe(input.incident.key);
    expect(header(receiver.requests.at(-1)!, "idempotency-key")).toMatch(/^run-1:2:/);
    expect(JSON.stringify(result.request)).not.toContain(ROUTING_KEY);
    if (event?.event_action === "trigger") {
      expect(event.payload.summary.length).toBeLessThanOrEqual(1024);
      expect(event.payload.severity).toBe("critical");
      expect(event.payload.custom_details).toMatchObject({ Message: 'Call "ops"\nnow', "Escalation level": 2 });
    }
  });

  it("retries 429 and 5xx, and gives up on 400", async () => {
    const cases: [number, boolean][] = [
      [429, true],
      [500, true],
      [400, false],
    ];
    for (const [status, retryable] of cases) {
      const failing = await startReceiver(() => ({
        status,
        body: { status: "invalid event", message: "Event object is invalid" },
      }));
      const result = await send(
        integration("pagerduty", { ApiUrl: failing.url }, { RoutingKey: ROUTING_KEY }),
        "error",
      );
      expect(result).toMatchObject({ ok: false, status, retryable });
      await failing.close();
    }
  });
});
