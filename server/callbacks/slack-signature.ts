import { createHmac } from "node:crypto";
import { safeEqual, type SignatureCheck } from "./safe-equal";

export const SLACK_MAX_SKEW_SECONDS = 5 * 60;

/**
 * Slack's request signing: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the app's
 * signing secret. A timestamp more than five minutes from now is refused, so an old request
 * cannot be replayed.
 */
export function verifySlackSignature(input: {
  signingSecret: string;
  timestamp: string | null;
  signature: string | null;
  rawBody: string;
  nowMs: number;
}): SignatureCheck {
  if (!input.timestamp || !input.signature) return { ok: false, reason: "missing X-Slack-Signature or timestamp" };
  if (!/^\d{1,12}$/.test(input.timestamp)) return { ok: false, reason: "malformed X-Slack-Request-Timestamp" };
  if (Math.abs(input.nowMs / 1000 - Number(input.timestamp)) > SLACK_MAX_SKEW_SECONDS) {
    return { ok: false, reason: "stale X-Slack-Request-Timestamp (more than 5 minutes off)" };
  }
  return safeEqual(slackSignature(input.signingSecret, input.timestamp, input.rawBody), input.signature)
    ? { ok: true }
    : { ok: false, reason: "bad X-Slack-Signature" };
}

export function slackSignature(signingSecret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}
