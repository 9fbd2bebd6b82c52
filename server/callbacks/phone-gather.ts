import { and, eq } from "drizzle-orm";
import { isConnectionError } from "~/db/connection-retry";
import { integrations } from "~/db/schema";
import { escapeHtml } from "~/server/ack-links/ack-page";
import { ackLinkUrl } from "~/server/ack-links/ack-links";
import { verifyAckToken } from "~/server/ack-links/ack-token";
import { readLimitedBody } from "~/server/http/read-limited-body";
import { openIntegrationSecrets } from "~/server/integrations/integration-secrets";
import { actOnClaims } from "./act-on-claims";
import type { InboundActionDeps } from "./inbound-deps";
import { onFirstSighting, REPLAYED } from "./replay-guard";
import { verifyTwilioSignature } from "./twilio-signature";

const MAX_BODY_BYTES = 16 * 1024;

/** Twilio reads TwiML back to the caller; anything else is an error the caller never hears. */
const twiml = (status: number, say: string) =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?><Response><Say>${escapeHtml(say)}</Say></Response>`, {
    status,
    headers: { "content-type": "text/xml; charset=utf-8", "cache-control": "no-store" },
  });

/**
 * `POST /ack/<token>/phone`: the key a callee pressed, posted by Twilio to the call's Gather
 * action. The link token says which incident; the X-Twilio-Signature (keyed with the phone
 * integration's auth token, over the URL as published) says the request really is Twilio's.
 */
export async function handlePhoneGather(deps: InboundActionDeps, token: string, request: Request): Promise<Response> {
  try {
    return await answerGather(deps, token, request);
  } catch (error) {
    // The callee hears this instead of Twilio's "an application error has occurred"; Twilio does
    // not post the key again, so the escalation goes on and the message's link still works.
    if (!isConnectionError(error)) throw error;
    return twiml(
      503,
      "Alertflow cannot record your answer right now: its database is unavailable. Nothing changed, and the escalation continues. Use the link in the message once it is back. Goodbye.",
    );
  }
}

async function answerGather(deps: InboundActionDeps, token: string, request: Request): Promise<Response> {
  const link = verifyAckToken(deps.linkKey, token, deps.now());
  if (!link.ok) {
    if (link.reason === "expired") return twiml(410, "This call has expired. Nothing changed.");
    return twiml(403, "This link is not valid.");
  }
  const { claims } = link;
  const body = await readLimitedBody(request, MAX_BODY_BYTES);
  if (body.kind === "too_large") return twiml(413, "Request too large.");
  const params = new URLSearchParams(body.bytes.toString("utf8"));

  const row = claims.integrationId
    ? await deps.db.query.integrations.findFirst({
        where: and(
          eq(integrations.id, claims.integrationId),
          eq(integrations.workspaceId, claims.workspaceId),
          eq(integrations.type, "phone"),
        ),
      })
    : undefined;
  if (!row) return twiml(404, "This call does not belong to a phone integration.");
  const secrets = openIntegrationSecrets(row.id, row.secretsCiphertext, deps.keyring);
  const signature = request.headers.get("x-twilio-signature");
  // Twilio signs the URL it called: the one the TwiML named, under PUBLIC_URL.
  const verified = verifyTwilioSignature({
    authToken: secrets.AuthToken ?? "",
    url: `${ackLinkUrl(deps.publicUrl, token)}/phone`,
    params,
    signature,
  });
  if (!verified.ok || !secrets.AuthToken) return twiml(401, "Not signed.");
  if (params.get("AccountSid") !== row.variables.AccountSid) return twiml(403, "Wrong account.");

  if (params.get("Digits") !== "1") return twiml(200, "Not acknowledged. The escalation continues. Goodbye.");
  const callee = params.get("To") || params.get("Called") || "phone";
  const outcome = await onFirstSighting(
    deps.db,
    { workspaceId: row.workspaceId, source: "twilio", id: signature ?? "" },
    () => actOnClaims(deps, { ...claims, action: "acknowledge" }, callee, "phone"),
  );
  if (outcome === REPLAYED) return twiml(401, "Replayed.");
  if (outcome.kind === "ended") return twiml(200, "This incident already ended. Nothing changed. Goodbye.");
  return twiml(200, "Acknowledged. Escalation and reminders have stopped. Goodbye.");
}
