import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Keyring, SecretKey } from "./secret-keyring";

/**
 * Integration secrets at rest: a JSON record sealed with AES-256-GCM. The output names its
 * format version and the id of the key that sealed it, so a rotation knows what to re-encrypt
 * and a wrong key is reported as such instead of as corrupt data:
 *   v2.<key id>.<iv base64url>.<auth tag base64url>.<ciphertext base64url>
 * `v1.<iv>.<tag>.<ciphertext>` (no key id) is still read, by trying each configured key.
 */
export type SecretBoxErrorCode =
  "SECRET_BOX_BAD_KEY" | "SECRET_BOX_UNKNOWN_KEY" | "SECRET_BOX_UNSUPPORTED_VERSION" | "SECRET_BOX_INVALID";

export class SecretBoxError extends Error {
  constructor(
    readonly code: SecretBoxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SecretBoxError";
  }
}

const VERSION = "v2";
const LEGACY_VERSION = "v1";
const IV_BYTES = 12;

function checkKey(key: Uint8Array) {
  if (key.length !== 32) throw new SecretBoxError("SECRET_BOX_BAD_KEY", `The key must be 32 bytes, got ${key.length}`);
}

export interface SealOptions {
  /** Binds the ciphertext to its row (e.g. the integration id) so it cannot be moved to another. */
  associatedData?: string;
}

export function encryptSecrets(secrets: Record<string, string>, key: SecretKey, options: SealOptions = {}): string {
  checkKey(key.key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.key, iv);
  if (options.associatedData !== undefined) cipher.setAAD(Buffer.from(options.associatedData, "utf8"));
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  return [VERSION, key.id, ...[iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url"))].join(".");
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === "string")
  );
}

interface SealedParts {
  keyId: string | null;
  iv: string;
  tag: string;
  body: string;
}

function splitSealed(sealed: string): SealedParts {
  const parts = sealed.split(".");
  const [version] = parts;
  if (version === VERSION && parts.length === 5) {
    const [, keyId = "", iv = "", tag = "", body = ""] = parts;
    return { keyId, iv, tag, body };
  }
  if (version === LEGACY_VERSION && parts.length === 4) {
    const [, iv = "", tag = "", body = ""] = parts;
    return { keyId: null, iv, tag, body };
  }
  if (version === VERSION || version === LEGACY_VERSION) {
    throw new SecretBoxError("SECRET_BOX_INVALID", "The sealed secrets are malformed");
  }
  throw new SecretBoxError("SECRET_BOX_UNSUPPORTED_VERSION", `Unsupported secret format "${version ?? ""}"`);
}

/** The id of the key a ciphertext was sealed with; null for the legacy format that names none. */
export function sealedKeyId(sealed: string): string | null {
  return splitSealed(sealed).keyId;
}

function open(parts: SealedParts, key: SecretKey, options: SealOptions): string | null {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(parts.iv, "base64url"));
    if (options.associatedData !== undefined) decipher.setAAD(Buffer.from(options.associatedData, "utf8"));
    decipher.setAuthTag(Buffer.from(parts.tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(parts.body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

export function decryptSecrets(sealed: string, keyring: Keyring, options: SealOptions = {}): Record<string, string> {
  checkKey(keyring.current.key);
  const parts = splitSealed(sealed);
  let json: string | null = null;
  if (parts.keyId === null) {
    for (const key of keyring.byId.values()) json ??= open(parts, key, options);
  } else {
    const key = keyring.byId.get(parts.keyId);
    if (!key) {
      throw new SecretBoxError(
        "SECRET_BOX_UNKNOWN_KEY",
        `These secrets were sealed with key ${parts.keyId}, which is not configured (configured: ${[
          ...keyring.byId.keys(),
        ].join(", ")}). Set ALERTFLOW_SECRET_KEY (or ALERTFLOW_SECRET_KEY_PREVIOUS) to the key that sealed them.`,
      );
    }
    json = open(parts, key, options);
  }
  // Wrong key, tampered data and a wrong row all look the same on purpose.
  if (json === null) {
    throw new SecretBoxError("SECRET_BOX_INVALID", "The sealed secrets cannot be opened with the configured key");
  }
  const value: unknown = JSON.parse(json);
  if (!isStringRecord(value))
    throw new SecretBoxError("SECRET_BOX_INVALID", "The sealed secrets are not a record of strings");
  return value;
}
