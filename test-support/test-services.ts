import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "~/db/client";
import { migrateDatabase } from "~/db/migrate";
import { freePort } from "~/scripts/free-port";
import { findOrInstallTemporalCli } from "~/scripts/temporal-cli";
import { startTemporalDevServer, type TemporalServer } from "~/scripts/temporal-server";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/alertflow_test";

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

/** Real Postgres and a real Temporal dev server (in a throwaway folder) for integration tests. */
export async function startTestServices(databaseUrl = TEST_DATABASE_URL): Promise<TestServices> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "alertflow-temporal-"));
  const [temporal] = await Promise.all([
    startTemporalDevServer({
      cli: (await findOrInstallTemporalCli()).path,
      dataDir,
      port: await freePort(),
      uiPort: null,
    }),
    resetTestDatabase(databaseUrl),
  ]);
  return {
    databaseUrl,
    temporal,
    stop: async () => {
      await temporal.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
