import { createHmac } from "node:crypto";
import { safeEqual, type SignatureCheck } from "./safe-equal";

/**
 * Twilio's request validation: base64 HMAC-SHA1, keyed with the account's auth token, over the
 * full URL Twilio called followed by every POST parameter's name and value, sorted by name.
 */
export function twilioSignature(authToken: string, url: string, params: URLSearchParams): string {
  const sorted = [...params.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHmac("sha1", authToken)
    .update(url + sorted.map(([k, v]) => k + v).join(""), "utf8")
    .digest("base64");
}

export function verifyTwilioSignature(input: {
  authToken: string;
  url: string;
  params: URLSearchParams;
  signature: string | null;
}): SignatureCheck {
  if (!input.signature) return { ok: false, reason: "missing X-Twilio-Signature" };
  return safeEqual(twilioSignature(input.authToken, input.url, input.params), input.signature)
    ? { ok: true }
    : { ok: false, reason: "bad X-Twilio-Signature" };
}
