import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema>;

export function createDb(connectionString: string, max = 10): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString, max });
  return { db: drizzle(pool, { schema }), pool };
}

declare global {
  // Cached on globalThis so Next.js hot reloads do not leak pools.
  var alertflowDb: { db: Db; pool: pg.Pool } | undefined;
}

/** The process-wide client, created on first use. */
export function getDb(connectionString: string): Db {
  globalThis.alertflowDb ??= createDb(connectionString);
  return globalThis.alertflowDb.db;
}
