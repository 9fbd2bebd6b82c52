import { createHmac, randomUUID } from "node:crypto";
import { startReceiver, type Receiver } from "./http-receiver";

export interface PagerDutyEvent {
  routing_key: string;
  event_action: "trigger" | "acknowledge" | "resolve";
  dedup_key: string;
}

export interface SignedWebhook {
  body: string;
  headers: Record<string, string>;
}

export interface FakePagerDuty {
  /** The Events API v2 URL to configure on the integration. */
  eventsUrl: string;
  receiver: Receiver;
  events(): PagerDutyEvent[];
  /** A v3 webhook about the incident with this key, signed (v1, HMAC-SHA256) with `secret`. */
  webhook(
    eventType: string,
    incidentKey: string,
    options: { secret: string; agent?: string; id?: string },
  ): SignedWebhook;
  send(url: string, webhook: SignedWebhook): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * PagerDuty as Alertflow meets it: the Events API v2 (checks routing key, action and dedup key;
 * 202 like the real one) and v3 webhooks about incidents, signed independently of Alertflow's code.
 */
export async function startFakePagerDuty(routingKey: string): Promise<FakePagerDuty> {
  const events: PagerDutyEvent[] = [];
  const receiver = await startReceiver((req) => {
    if (req.url !== "/v2/enqueue") throw new Error(`unexpected ${req.url}`);
    const j = req.json;
    if (!isRecord(j) || j.routing_key !== routingKey) return { status: 400, body: { status: "invalid event" } };
    const action = j.event_action;
    if (action !== "trigger" && action !== "acknowledge" && action !== "resolve") throw new Error("event_action");
    if (typeof j.dedup_key !== "string" || j.dedup_key.length > 255) throw new Error("dedup_key");
    events.push({ routing_key: routingKey, event_action: action, dedup_key: j.dedup_key });
    return { status: 202, body: { status: "success", dedup_key: j.dedup_key } };
  });
  return {
    eventsUrl: `${receiver.url}/v2/enqueue`,
    receiver,
    events: () => [...events],
    webhook(eventType, incidentKey, { secret, agent = "Dana Ops", id = randomUUID() }) {
      const body = JSON.stringify({
        event: {
          id,
          event_type: eventType,
          resource_type: "incident",
          occurred_at: new Date().toISOString(),
          agent: { id: "PDANA01", summary: agent, type: "user_reference" },
          client: { name: "PagerDuty" },
          data: {
            id: "PINC001",
            type: "incident",
            number: 42,
            status: eventType === "incident.resolved" ? "resolved" : "acknowledged",
            incident_key: incidentKey,
            title: "Checkout API is down",
          },
        },
      });
      const signature = createHmac("sha256", secret).update(body).digest("hex");
      return {
        body,
        headers: {
          "content-type": "application/json",
          "x-pagerduty-signature": `v1=${"0".repeat(64)},v1=${signature}`,
          "x-webhook-id": randomUUID(),
        },
      };
    },
    async send(url, { body, headers }) {
      const response = await fetch(url, { method: "POST", headers, body });
      return { status: response.status, body: await response.text() };
    },
    close: () => receiver.close(),
  };
}
