import { createHash, randomBytes } from "node:crypto";

/**
 * The one way Alertflow makes a secret that a link or header carries (endpoint, share-link,
 * invitation and API tokens): a recognisable prefix and 192 random bits (or more), shown once,
 * stored only as its SHA-256. A hash needs no salt here: the value is random, not a password.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface NewToken {
  /** Handed to the person once; never stored. */
  token: string;
  /** What is stored and looked up. */
  hash: string;
  /** The prefix and a few characters, stored to tell tokens apart in a list. */
  displayPrefix: string;
}

export function newToken(prefix: string, options: { bytes?: number; shownChars?: number } = {}): NewToken {
  const token = `${prefix}${randomBytes(options.bytes ?? 24).toString("base64url")}`;
  return { token, hash: hashToken(token), displayPrefix: token.slice(0, prefix.length + (options.shownChars ?? 4)) };
}
