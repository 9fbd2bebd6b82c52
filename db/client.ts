import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { installQuietQueryErrors } from "./quiet-query-errors";
import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema>;
/** A transaction of `Db`: what `db.transaction` passes to its callback. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * A connection that Postgres drops (restart, failover, pg_terminate_backend) is reported as an
 * `'error'` event; without a listener Node treats it as uncaught and the process dies. The pool
 * discards the connection, so noting it is all there is to do.
 */
export function logConnectionError(error: Error): void {
  console.warn(`postgres: connection lost (${error.message}); the pool will reconnect`);
}

export function createDb(connectionString: string, max = 10): { db: Db; pool: pg.Pool } {
  // Before any statement can fail: its parameters never reach a log (see quiet-query-errors.ts).
  installQuietQueryErrors();
  const pool = new pg.Pool({
    connectionString,
    max,
    // Fail fast while the server is unreachable, so callers retry instead of hanging.
    connectionTimeoutMillis: 5_000,
    // Notice half-open connections (a server that vanished) instead of waiting on them forever.
    keepAlive: true,
  });
  // A connection checked out of the pool has no pool listener: one dropped between the statements
  // of a transaction would emit 'error' to nobody and kill the process (the crash test saw the
  // worker die so). Every connection gets its own listener; the statement in progress, or the
  // next one, still fails and is retried by its caller.
  pool.on("connect", (client) => client.on("error", logConnectionError));
  // Idle connections report through the pool as well; their own listener has logged it already.
  pool.on("error", () => undefined);
  releaseWhenDropped(pool);
  return { db: drizzle(pool, { schema }), pool };
}

/**
 * drizzle's pool transaction checks a connection out and sends BEGIN before its try/finally: when
 * the connection drops in between (an outage, a failover) it is never released. The pool then
 * keeps a dead connection for good, one slot fewer per outage, and `pool.end()` never settles, so
 * a stopping worker hangs. A checked-out connection that ends is handed back at once, as broken;
 * the caller's own release, if it still comes, does nothing.
 */
function releaseWhenDropped(pool: pg.Pool): void {
  const onEnd = new WeakMap<pg.PoolClient, () => void>();
  pool.on("acquire", (client) => {
    const dropped = () => {
      const release = client.release;
      client.release = () => undefined;
      release(new Error("Connection ended while checked out"));
    };
    onEnd.set(client, dropped);
    client.once("end", dropped);
  });
  pool.on("release", (_error, client) => {
    const dropped = onEnd.get(client);
    if (dropped) client.removeListener("end", dropped);
    onEnd.delete(client);
  });
}

/** A single connection (admin work: create or drop a database) that survives the server dropping it. */
export function createClient(connectionString: string): pg.Client {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  client.on("error", logConnectionError);
  return client;
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
