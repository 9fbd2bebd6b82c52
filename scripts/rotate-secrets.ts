import path from "node:path";
import { createDb } from "~/db/client";
import { env } from "~/server/env";
import { generatePassphrase, loadKeyring, readKeyFile, replaceKeyFile } from "~/server/security/load-keyring";
import { checkStoredSecrets, rotateStoredSecrets, type UnreadableSecrets } from "~/server/security/rotate-secrets";
import { createKeyring, SecretKeyError } from "~/server/security/secret-keyring";

/**
 * `npm run secrets:rotate`: re-encrypts every integration secret under a new key.
 *  - Production (keys from the environment): set ALERTFLOW_SECRET_KEY to the new key and
 *    ALERTFLOW_SECRET_KEY_PREVIOUS to the old one, run this, restart, then drop the previous key.
 *  - Development (generated key file): a new key is generated into the file, every secret is
 *    re-encrypted, and the old key is removed from the file once nothing needs it.
 * `npm run secrets:rotate -- --check` only reports which keys the stored secrets need.
 */
const checkOnly = process.argv.includes("--check");
const keyFile = path.resolve(env.ALERTFLOW_SECRET_KEY_FILE);

function printUnreadable(rows: UnreadableSecrets[]) {
  for (const r of rows)
    console.error(`  integration "${r.name}" (${r.integrationId}), key ${r.keyId ?? "?"}: ${r.reason}`);
}

async function main() {
  const source = {
    nodeEnv: env.NODE_ENV,
    secretKey: env.ALERTFLOW_SECRET_KEY,
    previousKeys: env.ALERTFLOW_SECRET_KEY_PREVIOUS,
    keyFile,
  };
  const existing = loadKeyring(source);
  const { db, pool } = createDb(env.DATABASE_URL, 2);
  try {
    if (checkOnly) {
      const report = await checkStoredSecrets(db, existing);
      console.log(`current key: ${existing.current.id}`);
      console.log(`secrets by key: ${JSON.stringify(report.byKey)}`);
      if (report.unreadable.length > 0) {
        console.error(`${report.unreadable.length} integration(s) cannot be opened with the configured keys:`);
        printUnreadable(report.unreadable);
        process.exitCode = 1;
      }
      return;
    }
    let keyring = existing;
    let fileKeys: string[] | null = null;
    if (!env.ALERTFLOW_SECRET_KEY) {
      // The file's keys, a new one first; written before re-encrypting so no secret is ever sealed
      // under a key that is not on disk.
      const newKey = generatePassphrase();
      const oldKeys = readKeyFile(keyFile) ?? [];
      fileKeys = [newKey, ...oldKeys];
      replaceKeyFile(keyFile, fileKeys);
      keyring = createKeyring([...fileKeys, ...env.ALERTFLOW_SECRET_KEY_PREVIOUS]);
    }
    const result = await rotateStoredSecrets(db, keyring);
    console.log(
      `re-encrypted ${result.rotated} integration(s) under key ${keyring.current.id}; ${result.alreadyCurrent} already were`,
    );
    if (result.unreadable.length > 0) {
      console.error(`${result.unreadable.length} integration(s) could not be opened and were left as they are:`);
      printUnreadable(result.unreadable);
      console.error("Add the key that sealed them to ALERTFLOW_SECRET_KEY_PREVIOUS and run this again.");
      process.exitCode = 1;
      return;
    }
    if (fileKeys) {
      replaceKeyFile(keyFile, [fileKeys[0] ?? ""]);
      console.log(`${keyFile} now holds only the new key. Restart the server and the worker.`);
    } else {
      console.log("Restart the server and the worker, then remove ALERTFLOW_SECRET_KEY_PREVIOUS.");
    }
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof SecretKeyError ? `secrets:rotate: ${error.message}` : error);
  process.exit(1);
});
