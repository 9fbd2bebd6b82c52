import { createHmac } from "node:crypto";
import { safeEqual, type SignatureCheck } from "./safe-equal";

/**
 * PagerDuty v3 webhooks: `X-PagerDuty-Signature` holds one or more `v1=<hex HMAC-SHA256 of the
 * raw body>`, comma-separated, so a secret can be rotated without downtime; one match is enough.
 */
export function verifyPagerDutySignature(input: {
  secret: string;
  rawBody: string;
  header: string | null;
}): SignatureCheck {
  if (!input.header) return { ok: false, reason: "missing X-PagerDuty-Signature" };
  const expected = `v1=${createHmac("sha256", input.secret).update(input.rawBody, "utf8").digest("hex")}`;
  return input.header.split(",").some((s) => safeEqual(expected, s.trim()))
    ? { ok: true }
    : { ok: false, reason: "bad X-PagerDuty-Signature" };
}
