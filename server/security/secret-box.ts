import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Integration secrets at rest: a JSON record sealed with AES-256-GCM. The output names its
 * version so the format or key can change later without guessing what a stored value is.
 *   v1.<iv base64url>.<auth tag base64url>.<ciphertext base64url>
 */
export type SecretBoxErrorCode = "SECRET_BOX_BAD_KEY" | "SECRET_BOX_UNSUPPORTED_VERSION" | "SECRET_BOX_INVALID";

export class SecretBoxError extends Error {
  constructor(
    readonly code: SecretBoxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SecretBoxError";
  }
}

const VERSION = "v1";
const IV_BYTES = 12;

/** Any passphrase (e.g. ALERTFLOW_SECRET_KEY) becomes a 256-bit key. */
export function keyFromPassphrase(passphrase: string): Buffer {
  return createHash("sha256").update(passphrase, "utf8").digest();
}

function checkKey(key: Uint8Array) {
  if (key.length !== 32) throw new SecretBoxError("SECRET_BOX_BAD_KEY", `The key must be 32 bytes, got ${key.length}`);
}

export interface SealOptions {
  /** Binds the ciphertext to its row (e.g. the integration id) so it cannot be moved to another. */
  associatedData?: string;
}

export function encryptSecrets(secrets: Record<string, string>, key: Uint8Array, options: SealOptions = {}): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  if (options.associatedData !== undefined) cipher.setAAD(Buffer.from(options.associatedData, "utf8"));
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === "string")
  );
}

export function decryptSecrets(sealed: string, key: Uint8Array, options: SealOptions = {}): Record<string, string> {
  checkKey(key);
  const parts = sealed.split(".");
  if (parts[0] !== VERSION) {
    throw new SecretBoxError("SECRET_BOX_UNSUPPORTED_VERSION", `Unsupported secret format "${parts[0] ?? ""}"`);
  }
  const [, iv, tag, body] = parts;
  if (parts.length !== 4 || iv === undefined || tag === undefined || body === undefined) {
    throw new SecretBoxError("SECRET_BOX_INVALID", "The sealed secrets are malformed");
  }
  let json: string;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    if (options.associatedData !== undefined) decipher.setAAD(Buffer.from(options.associatedData, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    json = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    // Wrong key, tampered data and a wrong row all look the same on purpose.
    throw new SecretBoxError("SECRET_BOX_INVALID", "The sealed secrets cannot be opened with this key");
  }
  const value: unknown = JSON.parse(json);
  if (!isStringRecord(value))
    throw new SecretBoxError("SECRET_BOX_INVALID", "The sealed secrets are not a record of strings");
  return value;
}
export { redact, REDACTED, basicAuthSecrets } from "~/core/secrets/redact";
