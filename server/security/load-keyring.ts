import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createKeyring, SecretKeyError, type Keyring } from "./secret-keyring";

export interface KeyringSource {
  nodeEnv: "development" | "test" | "production";
  /** ALERTFLOW_SECRET_KEY: seals new secrets. */
  secretKey?: string;
  /** ALERTFLOW_SECRET_KEY_PREVIOUS: keys that only open secrets sealed before a rotation. */
  previousKeys: readonly string[];
  /** Where development keeps its generated key (ALERTFLOW_SECRET_KEY_FILE). */
  keyFile: string;
}

/** A new random key, as the development key file and the rotation command write it. */
export function generatePassphrase(): string {
  return randomBytes(32).toString("base64url");
}

/** The key file holds one key per line, the current one first; `#` lines are comments. */
export function formatKeyFile(passphrases: readonly string[]): string {
  return [
    "# Alertflow secret keys: the first seals new secrets, the others only open older ones.",
    "# Losing this file makes every stored integration secret unreadable.",
    ...passphrases,
    "",
  ].join("\n");
}

function parseKeyFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

/**
 * Writes the file only if none exists, complete or not at all: the server and the worker may
 * start at the same moment, and whichever links its file first wins; the other reads that one.
 */
function createKeyFileOnce(file: string, passphrases: readonly string[]) {
  // Traversable, not listable: embedded Postgres, started by root, runs as `postgres` and keeps its
  // data in a sibling folder. The key file itself is owner-only.
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o711 });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temp, formatKeyFile(passphrases), { mode: 0o600, flag: "wx" });
  try {
    linkSync(temp, file);
  } catch (error) {
    if (errorCode(error) !== "EEXIST") throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** Replaces the key file whole (rotation): rename is atomic, so readers see the old file or the new one. */
export function replaceKeyFile(file: string, passphrases: readonly string[]) {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temp, formatKeyFile(passphrases), { mode: 0o600, flag: "wx" });
  renameSync(temp, file);
}

/** The passphrases in a key file, current first; null when there is no file. */
export function readKeyFile(file: string): string[] | null {
  let text: string;
  try {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new SecretKeyError(
        `The secret key file ${file} can be read by other users (mode ${mode.toString(8)}). Run: chmod 600 ${file}`,
      );
    }
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof SecretKeyError) throw error;
    if (errorCode(error) === "ENOENT") return null;
    throw new SecretKeyError(
      `The secret key file ${file} cannot be read (${errorCode(error) ?? String(error)}). ` +
        "Give the user running Alertflow read access to it, or set ALERTFLOW_SECRET_KEY.",
    );
  }
  const keys = parseKeyFile(text);
  if (keys.length === 0) {
    throw new SecretKeyError(
      `The secret key file ${file} holds no key. Restore it from a backup; deleting it makes a new key, ` +
        "and the secrets stored under the old one can no longer be opened.",
    );
  }
  return keys;
}

/**
 * The keys integration secrets are sealed with. Production takes them only from the environment
 * and refuses to start without one; development generates a random key once and keeps it in an
 * owner-only file, so no key is ever a constant in the code.
 */
export function loadKeyring(source: KeyringSource): Keyring {
  if (source.secretKey) return createKeyring([source.secretKey, ...source.previousKeys]);
  if (source.nodeEnv === "production") {
    throw new SecretKeyError(
      "ALERTFLOW_SECRET_KEY is not set. Production refuses to start without it: it encrypts the " +
        "integration secrets at rest. Generate one with `openssl rand -base64 32` and keep it safe; " +
        "losing it makes the stored secrets unreadable.",
    );
  }
  let keys = readKeyFile(source.keyFile);
  if (!keys) {
    createKeyFileOnce(source.keyFile, [generatePassphrase()]);
    keys = readKeyFile(source.keyFile) ?? [];
  }
  return createKeyring([...keys, ...source.previousKeys]);
}
