import pg from "pg";
import type { Db } from "~/db/client";
import { quietDatabaseError } from "~/db/quiet-query-errors";

/**
 * A statement of the worker's hot path, sent as a named prepared statement straight through
 * node-postgres: each pooled connection parses and plans it once, and no query builder runs per
 * call (drizzle's building and row mapping were a fifth of the worker's main thread). The text
 * is fixed, so one name always means one text.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

export const preparedStatement = (name: string, text: string): PreparedStatement => ({
  name: `alertflow_${name}`,
  text,
});

function poolOf(db: Db): pg.Pool {
  if ("$client" in db && db.$client instanceof pg.Pool) return db.$client;
  throw new Error("prepared statements need the database's node-postgres pool");
}

/**
 * Runs a prepared statement and gives its rows as unknowns, for the caller to read with a typed
 * function. A failure is made quiet as drizzle's are (db/quiet-query-errors.ts): the parameters
 * carry alert bodies and must not reach a log.
 */
export async function runPrepared(db: Db, statement: PreparedStatement, values: unknown[]): Promise<unknown[]> {
  try {
    const result = await poolOf(db).query({ name: statement.name, text: statement.text, values });
    return result.rows;
  } catch (error) {
    quietDatabaseError(error);
    throw error;
  }
}
