import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "~/db/client";
import { migrateDatabase } from "~/db/migrate";
import { freePort } from "~/scripts/free-port";
import { findOrInstallTemporalCli } from "~/scripts/temporal-cli";
import { startTemporalDevServer, type TemporalServer } from "~/scripts/temporal-server";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/alertflow_test";

/**
 * The database of integration worker `index` (from 0): the first is TEST_DATABASE_URL's, the
 * others add `_2`, `_3`… to its name.
 */
export function workerDatabaseUrl(url: string, index: number): string {
  if (index === 0) return url;
  const named = new URL(url);
  named.pathname = `${named.pathname}_${index + 1}`;
  return named.toString();
}

/** A fresh database: dropped and migrated, so every test run starts from nothing. */
export async function resetTestDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = createClient(admin.toString());
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
  await migrateDatabase(url);
}

export interface TestServices {
  databaseUrl: string;
  temporal: TemporalServer;
  stop: () => Promise<void>;
}

/**
 * Real Postgres and a real Temporal dev server (in a throwaway folder) for integration tests. A
 * server that exits before stop() says so, with its last output: the tests would only see
 * connections time out.
 */
export async function startTestServices(databaseUrl = TEST_DATABASE_URL): Promise<TestServices> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "alertflow-temporal-"));
  const output: string[] = [];
  const [temporal] = await Promise.all([
    startTemporalDevServer({
      cli: (await findOrInstallTemporalCli()).path,
      dataDir,
      port: await freePort(),
      uiPort: null,
      log: (text) => output.splice(0, Math.max(0, output.push(text) - 20)),
    }),
    resetTestDatabase(databaseUrl),
  ]);
  let stopping = false;
  temporal.process.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(
      `test services: the Temporal dev server at ${temporal.address} exited (${code ?? signal}) before the tests ended; it said:\n${output.join("\n")}`,
    );
  });
  return {
    databaseUrl,
    temporal,
    stop: async () => {
      stopping = true;
      await temporal.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
