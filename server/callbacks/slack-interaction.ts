import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { isConnectionError } from "~/db/connection-retry";
import { integrations } from "~/db/schema";
import { DATABASE_RETRY_AFTER_SECONDS } from "~/server/http/database-unavailable";
import { openIntegrationSecrets } from "~/server/integrations/integration-secrets";
import { assertOutboundAllowed } from "~/server/security/outbound-guard";
import { tokenFromLink } from "~/server/ack-links/ack-links";
import { verifyAckToken } from "~/server/ack-links/ack-token";
import { actOnClaims, type ChannelOutcome } from "./act-on-claims";
import type { InboundActionDeps } from "./inbound-deps";
import { readLimitedBody } from "~/server/http/read-limited-body";
import { onFirstSighting, REPLAYED } from "./replay-guard";
import { verifySlackSignature } from "./slack-signature";

const MAX_BODY_BYTES = 64 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The action ids of the Acknowledge/Resolve buttons in the Slack catalogue entry. */
export const SLACK_ACTION_IDS = ["alertflow_acknowledge", "alertflow_resolve"] as const;

const payloadSchema = z.object({
  type: z.literal("block_actions"),
  user: z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() }),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
  response_url: z.string().url().optional(),
  message: z
    .object({ text: z.string().optional(), blocks: z.array(z.record(z.string(), z.unknown())).optional() })
    .optional(),
});
type SlackPayload = z.infer<typeof payloadSchema>;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const refuse = (status: number, error: string) => json(status, { error });

function parsePayload(rawBody: string): SlackPayload | null {
  const field = new URLSearchParams(rawBody).get("payload");
  if (!field) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(field));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The original message without its buttons, and a line saying what happened. */
function updatedMessage(payload: SlackPayload, line: string) {
  const blocks = (payload.message?.blocks ?? []).filter((b) => b.type !== "actions");
  return {
    replace_original: true,
    text: payload.message?.text ?? line,
    blocks: [...blocks, { type: "context", elements: [{ type: "mrkdwn", text: line }] }],
  };
}

function outcomeLine(outcome: ChannelOutcome, action: "acknowledge" | "resolve", who: string): string {
  if (outcome.kind === "ended") return ":information_source: This incident already ended; nothing changed.";
  return action === "acknowledge"
    ? `:white_check_mark: Acknowledged by ${who}: escalation and reminders stopped.`
    : `:large_green_circle: Resolved by ${who}.`;
}

async function updateSlackMessage(deps: InboundActionDeps, responseUrl: string, body: unknown): Promise<void> {
  try {
    await assertOutboundAllowed(responseUrl, { allowList: deps.outboundAllowList });
    await deps.fetch(responseUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      redirect: "manual",
      signal: AbortSignal.timeout(5_000),
    });
  } catch (err) {
    // The action happened; a message that still shows its buttons is a cosmetic loss.
    console.warn(`slack: could not update the message: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Slack posts every interaction's response_url under this origin. */
export const SLACK_RESPONSE_ORIGIN = "https://hooks.slack.com";

/** Told to the clicker alone (ephemeral), under the message, whose buttons stay to click again. */
export const SLACK_DATABASE_UNAVAILABLE =
  ":warning: Alertflow could not record your click: its database is unavailable. Nothing changed and the escalation continues. Click again in a minute.";

/**
 * `POST /api/slack/<integrationId>/interactions`: a click on Acknowledge or Resolve. Slack's
 * signature is checked with the integration's signing secret before anything is read; the
 * button's value is a signed Alertflow link naming the run, checked in turn.
 */
export async function handleSlackInteraction(
  deps: InboundActionDeps,
  integrationId: string,
  request: Request,
): Promise<Response> {
  if (!UUID.test(integrationId)) return refuse(404, "unknown_integration");
  const body = await readLimitedBody(request, MAX_BODY_BYTES);
  if (body.kind === "too_large") return refuse(413, "body_too_large");
  // Signatures are over the exact bytes.
  const rawBody = body.bytes.toString("utf8");
  try {
    return await answerClick(deps, integrationId, request, rawBody);
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    console.warn("slack interaction: database unavailable, the clicker is told to try again");
    return await sayDatabaseUnavailable(deps, rawBody);
  }
}

/**
 * Slack never sends a click again, and an error answer only shows "didn't respond" by the button:
 * the clicker is told through the click's response_url that nothing changed. The click may not
 * be verified (its signing secret is in the database), so the notice only goes to Slack's own
 * host, and says nothing a forger could use.
 */
async function sayDatabaseUnavailable(deps: InboundActionDeps, rawBody: string): Promise<Response> {
  const responseUrl = parsePayload(rawBody)?.response_url;
  if (!responseUrl || new URL(responseUrl).origin !== deps.slackResponseOrigin) {
    return new Response(JSON.stringify({ error: "database_unavailable" }), {
      status: 503,
      headers: { "content-type": "application/json", "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) },
    });
  }
  await updateSlackMessage(deps, responseUrl, {
    response_type: "ephemeral",
    replace_original: false,
    text: SLACK_DATABASE_UNAVAILABLE,
  });
  return new Response(null, { status: 200 });
}

async function answerClick(
  deps: InboundActionDeps,
  integrationId: string,
  request: Request,
  rawBody: string,
): Promise<Response> {
  const row = await deps.db.query.integrations.findFirst({
    where: and(eq(integrations.id, integrationId), eq(integrations.type, "slack")),
  });
  if (!row) return refuse(404, "unknown_integration");
  const signingSecret = openIntegrationSecrets(row.id, row.secretsCiphertext, deps.keyring).SigningSecret;
  if (!signingSecret) return refuse(401, "no_signing_secret");
  const signature = request.headers.get("x-slack-signature");
  const verified = verifySlackSignature({
    signingSecret,
    timestamp: request.headers.get("x-slack-request-timestamp"),
    signature,
    rawBody,
    nowMs: deps.now(),
  });
  if (!verified.ok) return refuse(401, verified.reason);

  const payload = parsePayload(rawBody);
  if (!payload) return refuse(400, "payload: expected a block_actions interaction");
  const action = payload.actions.find((a) => (SLACK_ACTION_IDS as readonly string[]).includes(a.action_id));
  if (!action) return new Response(null, { status: 200 }); // someone else's button
  const token = tokenFromLink(action.value ?? "");
  if (!token) return refuse(400, "actions[0].value: not an Alertflow link");
  const link = verifyAckToken(deps.linkKey, token, deps.now());
  if (!link.ok) return refuse(link.reason === "expired" ? 410 : 403, `link ${link.reason}`);
  const { claims } = link;
  if (claims.workspaceId !== row.workspaceId || (claims.integrationId && claims.integrationId !== row.id)) {
    return refuse(403, "link belongs to another integration");
  }

  const who = `@${payload.user.username ?? payload.user.name ?? payload.user.id}`;
  const outcome = await onFirstSighting(
    deps.db,
    { workspaceId: row.workspaceId, source: "slack", id: signature ?? "" },
    () => actOnClaims(deps, claims, who, "slack"),
  );
  if (outcome === REPLAYED) return refuse(401, "replayed");
  if (payload.response_url) {
    await updateSlackMessage(
      deps,
      payload.response_url,
      updatedMessage(payload, outcomeLine(outcome, claims.action, who)),
    );
  }
  return new Response(null, { status: 200 });
}
