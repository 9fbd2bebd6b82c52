import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * Acknowledge/resolve links carry a signed token naming one run, one action and an expiry:
 *   v1.<claims base64url>.<HMAC-SHA256 base64url>
 * The HMAC key is derived by HKDF from the server's secret key (ALERTFLOW_SECRET_KEY), with its
 * own "info" label, so the key that seals integration secrets is never used to sign links.
 */
const VERSION = "v1";
const HKDF_INFO = "alertflow/ack-links/v1";

export const LINK_ACTIONS = ["acknowledge", "resolve"] as const;
export type LinkAction = (typeof LINK_ACTIONS)[number];

const claimsSchema = z.object({
  /** The run (incident): the same across continue-as-new, new for the next incident. */
  r: z.string().uuid(),
  /** Workspace of the run. */
  w: z.string().uuid(),
  a: z.enum(LINK_ACTIONS),
  /** Expiry, epoch seconds. */
  e: z.number().int().positive(),
  /** The integration whose message carried it (Slack buttons, phone calls check it). */
  i: z.string().uuid().optional(),
});

export interface AckClaims {
  runId: string;
  workspaceId: string;
  action: LinkAction;
  expiresAtMs: number;
  integrationId?: string;
}

export type VerifiedToken =
  { ok: true; claims: AckClaims } | { ok: false; reason: "malformed" | "forged" | "expired"; claims?: AckClaims };

/** Derived from the secret key (the keyring's current key in the server and worker). */
export function ackLinkKey(secretKey: string | Uint8Array): Buffer {
  return Buffer.from(hkdfSync("sha256", secretKey, "", HKDF_INFO, 32));
}

const mac = (key: Uint8Array, body: string) => createHmac("sha256", key).update(`${VERSION}.${body}`).digest();

export function signAckToken(key: Uint8Array, claims: AckClaims): string {
  const body = Buffer.from(
    JSON.stringify({
      r: claims.runId,
      w: claims.workspaceId,
      a: claims.action,
      e: Math.floor(claims.expiresAtMs / 1000),
      ...(claims.integrationId ? { i: claims.integrationId } : {}),
    }),
    "utf8",
  ).toString("base64url");
  return `${VERSION}.${body}.${mac(key, body).toString("base64url")}`;
}

const TOKEN_SHAPE = /^v1\.([A-Za-z0-9_-]{1,1024})\.([A-Za-z0-9_-]{43})$/;

/** Checks the signature first: nothing in an unsigned token is read, not even its expiry. */
export function verifyAckToken(key: Uint8Array, token: string, nowMs: number): VerifiedToken {
  const match = TOKEN_SHAPE.exec(token);
  if (!match?.[1] || !match[2]) return { ok: false, reason: "malformed" };
  const body = match[1];
  const given = Buffer.from(match[2], "base64url");
  const expected = mac(key, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "forged" };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const parsed = claimsSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const { r, w, a, e, i } = parsed.data;
  const claims: AckClaims = { runId: r, workspaceId: w, action: a, expiresAtMs: e * 1000, integrationId: i };
  if (claims.expiresAtMs <= nowMs) return { ok: false, reason: "expired", claims };
  return { ok: true, claims };
}
