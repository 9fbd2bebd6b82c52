import { createHmac } from "node:crypto";
import { startReceiver, type ReceivedRequest, type Receiver } from "./http-receiver";

/** A Block Kit message as the incoming webhook received it. */
export interface SlackMessage {
  text: string;
  blocks: Record<string, unknown>[];
}

export interface SignedCallback {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface ClickOptions {
  /** Alertflow's interactivity URL for the integration. */
  interactionUrl: string;
  signingSecret: string;
  message: SlackMessage;
  actionId: string;
  user?: string;
  /** Epoch seconds the request claims; now by default. */
  timestamp?: number;
  /** Replaces the button's value (a forged link). */
  value?: string;
}

export interface FakeSlack {
  /** The incoming webhook URL to configure on the integration. */
  webhookUrl: string;
  receiver: Receiver;
  /** Messages posted through the incoming webhook, in order. */
  messages(): SlackMessage[];
  /** Bodies posted to response_url (message updates). */
  updates(): unknown[];
  /** Builds and signs the block_actions callback Slack sends when a user clicks a button. */
  click(options: ClickOptions): SignedCallback;
  /** Sends a callback; returns Alertflow's answer. */
  send(callback: SignedCallback): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function asMessage(request: ReceivedRequest): SlackMessage {
  const json = request.json;
  if (!isRecord(json) || typeof json.text !== "string" || !Array.isArray(json.blocks)) {
    throw new Error("an incoming webhook takes JSON with text and blocks");
  }
  return { text: json.text, blocks: json.blocks.filter(isRecord) };
}

function button(message: SlackMessage, actionId: string): Record<string, unknown> {
  for (const block of message.blocks) {
    if (block.type !== "actions" || !Array.isArray(block.elements)) continue;
    const found = block.elements.find((e: unknown) => isRecord(e) && e.action_id === actionId);
    if (isRecord(found)) return found;
  }
  throw new Error(`the message has no button ${actionId}`);
}

/**
 * Slack as Alertflow meets it: an incoming webhook that checks the message is Block Kit JSON, a
 * response_url that takes message updates, and users who click buttons — each click a
 * block_actions callback signed with the app's signing secret (v0, HMAC-SHA256), computed here
 * independently of Alertflow's own code.
 */
export async function startFakeSlack(): Promise<FakeSlack> {
  const receiver = await startReceiver((req) => {
    if (req.url.startsWith("/services/")) asMessage(req);
    else if (!req.url.startsWith("/response/")) throw new Error(`unexpected ${req.url}`);
    return { status: 200, body: "ok" };
  });
  let clicks = 0;
  return {
    webhookUrl: `${receiver.url}/services/T000/B000/fake`,
    receiver,
    messages: () => receiver.requests.filter((r) => r.url.startsWith("/services/")).map(asMessage),
    updates: () => receiver.requests.filter((r) => r.url.startsWith("/response/")).map((r) => r.json),
    click({ interactionUrl, signingSecret, message, actionId, user = "dana", timestamp, value }) {
      const pressed = button(message, actionId);
      const payload = {
        type: "block_actions",
        user: { id: "U0DANA", username: user, name: user, team_id: "T000" },
        api_app_id: "A000",
        team: { id: "T000", domain: "example" },
        container: { type: "message", message_ts: "1700000000.000100", channel_id: "C000" },
        channel: { id: "C000", name: "alerts" },
        trigger_id: `trigger-${++clicks}`,
        response_url: `${receiver.url}/response/${clicks}`,
        message: { type: "message", text: message.text, blocks: message.blocks },
        actions: [
          {
            type: "button",
            action_id: actionId,
            block_id: "alertflow_actions",
            value: value ?? pressed.value,
            action_ts: String(Date.now() / 1000),
          },
        ],
      };
      const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
      const ts = String(timestamp ?? Math.floor(Date.now() / 1000));
      const signature = `v0=${createHmac("sha256", signingSecret).update(`v0:${ts}:${body}`).digest("hex")}`;
      return {
        url: interactionUrl,
        body,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-slack-request-timestamp": ts,
          "x-slack-signature": signature,
        },
      };
    },
    async send({ url, body, headers }) {
      const response = await fetch(url, { method: "POST", headers, body });
      return { status: response.status, body: await response.text() };
    },
    close: () => receiver.close(),
  };
}
