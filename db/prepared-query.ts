import { createHash } from "node:crypto";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Db } from "./client";
import { quietDatabaseError } from "./quiet-query-errors";

const dialect = new PgDialect();

function poolOf(db: Db): pg.Pool {
  if ("$client" in db && db.$client instanceof pg.Pool) return db.$client;
  throw new Error("prepared statements need the database's node-postgres pool");
}

/**
 * Runs `text` as the named prepared statement `name` straight through node-postgres: each pooled
 * connection parses and plans it once instead of on every call, and no query builder runs. One
 * name must always mean one text. A failure is made quiet as drizzle's are (quiet-query-errors.ts):
 * the parameters carry alert bodies and must not reach a log.
 */
export async function queryPrepared<Row extends pg.QueryResultRow>(
  db: Db,
  statement: { name: string; text: string },
  values: unknown[],
): Promise<Row[]> {
  try {
    const result = await poolOf(db).query<Row>({ name: statement.name, text: statement.text, values });
    return result.rows;
  } catch (error) {
    quietDatabaseError(error);
    throw error;
  }
}

/**
 * Runs a statement of the alert endpoint's path as a named prepared statement (the inbox append's
 * CTEs took about as long to plan as to run). The name is the text's hash, so texts that differ
 * only in how many rows they write are prepared apart (a few per statement: their count comes
 * from a flow's first level).
 */
export async function executePrepared<Row extends pg.QueryResultRow>(db: Db, query: SQL): Promise<Row[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const name = `alertflow_${createHash("sha1").update(text).digest("base64url")}`;
  return queryPrepared<Row>(db, { name, text }, params);
}
