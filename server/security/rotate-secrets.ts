import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { integrations } from "~/db/schema";
import { openIntegrationSecrets, sealIntegrationSecrets } from "../integrations/integration-secrets";
import { SecretBoxError, sealedKeyId } from "./secret-box";
import type { Keyring } from "./secret-keyring";

export interface UnreadableSecrets {
  integrationId: string;
  name: string;
  /** The key id the ciphertext names (null for the legacy format). */
  keyId: string | null;
  reason: string;
}

export interface SecretsReport {
  /** Rows with secrets, by the id of the key that sealed them ("v1" for the legacy format). */
  byKey: Record<string, number>;
  unreadable: UnreadableSecrets[];
}

function keyLabel(sealed: string): string {
  try {
    return sealedKeyId(sealed) ?? "v1";
  } catch {
    return "malformed";
  }
}

async function sealedRows(db: Db) {
  return db
    .select({ id: integrations.id, name: integrations.name, sealed: integrations.secretsCiphertext })
    .from(integrations)
    .where(isNotNull(integrations.secretsCiphertext));
}

function tryOpen(row: { id: string; name: string; sealed: string | null }, keyring: Keyring) {
  try {
    return { secrets: openIntegrationSecrets(row.id, row.sealed, keyring) };
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    const keyId = row.sealed ? keyLabel(row.sealed) : null;
    return { problem: { integrationId: row.id, name: row.name, keyId, reason: error.message } };
  }
}

/** Which keys the stored secrets need, and which rows this keyring cannot open. Reads only. */
export async function checkStoredSecrets(db: Db, keyring: Keyring): Promise<SecretsReport> {
  const report: SecretsReport = { byKey: {}, unreadable: [] };
  for (const row of await sealedRows(db)) {
    if (!row.sealed) continue;
    const label = keyLabel(row.sealed);
    report.byKey[label] = (report.byKey[label] ?? 0) + 1;
    const opened = tryOpen(row, keyring);
    if (opened.problem) report.unreadable.push(opened.problem);
  }
  return report;
}

/**
 * Re-encrypts every integration's secrets under the keyring's current key. A row that changed
 * meanwhile is left as its writer sealed it (always under a key of the ring); a row no key opens
 * is reported, never overwritten.
 */
export async function rotateStoredSecrets(db: Db, keyring: Keyring) {
  let rotated = 0;
  let alreadyCurrent = 0;
  const unreadable: UnreadableSecrets[] = [];
  for (const row of await sealedRows(db)) {
    if (!row.sealed) continue;
    if (keyLabel(row.sealed) === keyring.current.id) {
      alreadyCurrent++;
      continue;
    }
    const opened = tryOpen(row, keyring);
    if (opened.problem) {
      unreadable.push(opened.problem);
      continue;
    }
    const resealed = sealIntegrationSecrets(row.id, opened.secrets, keyring);
    const updated = await db
      .update(integrations)
      .set({ secretsCiphertext: resealed })
      .where(and(eq(integrations.id, row.id), eq(integrations.secretsCiphertext, row.sealed)))
      .returning({ id: integrations.id });
    if (updated.length > 0) rotated++;
  }
  return { rotated, alreadyCurrent, unreadable };
}

/**
 * At start-up: one clear log line per integration the configured keys cannot open, so a wrong key
 * shows at once rather than as failed deliveries. Never throws: a database that is not up yet is
 * someone else's message.
 */
export async function warnAboutUnreadableSecrets(db: Db, keyring: Keyring, log = console.error) {
  try {
    const { unreadable } = await checkStoredSecrets(db, keyring);
    for (const r of unreadable) {
      log(`secrets: integration "${r.name}" (${r.integrationId}) cannot be opened: ${r.reason}`);
    }
  } catch {
    // Reported by whatever needs the database next.
  }
}
