import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { createClient, createDb } from "./client";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Creates the database named in the URL when the server does not have it yet. */
export async function ensureDatabase(connectionString: string): Promise<void> {
  const url = new URL(connectionString);
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(connectionString);
  admin.pathname = "/postgres";
  const client = createClient(admin.toString());
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`create database "${name.replaceAll('"', '""')}"`);
    }
  } finally {
    await client.end();
  }
}

export async function migrateDatabase(connectionString: string): Promise<void> {
  await ensureDatabase(connectionString);
  const { db, pool } = createDb(connectionString, 1);
  try {
    await migrate(db, { migrationsFolder });
  } finally {
    await pool.end();
  }
}
