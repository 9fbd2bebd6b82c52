import { createHash, createHmac } from "node:crypto";

/** One 256-bit key and the id ciphertexts name it by. The id says nothing about the key. */
export interface SecretKey {
  id: string;
  key: Buffer;
}

/** The key new secrets are sealed with, and every key a stored secret may still be sealed with. */
export interface Keyring {
  current: SecretKey;
  byId: ReadonlyMap<string, SecretKey>;
}

export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretKeyError";
  }
}

/**
 * Any passphrase (ALERTFLOW_SECRET_KEY, or the generated development key) becomes a 256-bit key.
 * The id is an HMAC under the key itself, so it identifies the key without revealing it.
 */
export function secretKeyFromPassphrase(passphrase: string): SecretKey {
  const key = createHash("sha256").update(passphrase, "utf8").digest();
  const id = createHmac("sha256", key).update("alertflow secret key id").digest("base64url").slice(0, 10);
  return { id, key };
}

/** The first passphrase seals new secrets; the others only open older ones (during a rotation). */
export function createKeyring(passphrases: readonly string[]): Keyring {
  const keys = passphrases.filter((p) => p !== "").map(secretKeyFromPassphrase);
  const current = keys[0];
  if (!current) throw new SecretKeyError("No secret key is configured");
  return { current, byId: new Map(keys.map((k) => [k.id, k])) };
}
