import { createClient } from "~/db/client";

/** Runs one statement against the server's `postgres` database, about the database in `url`. */
async function asAdmin(
  url: string,
  statement: (name: string) => string,
  params: (name: string) => unknown[] = () => [],
) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = createClient(admin.toString());
  await client.connect();
  try {
    return await client.query(statement(name), params(name));
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Drops every connection to the database, as a restart or a failover would. Returns how many. */
export async function terminateBackends(url: string): Promise<number> {
  const result = await asAdmin(
    url,
    () => "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
    (name) => [name],
  );
  return result.rowCount ?? 0;
}

/**
 * A database outage that touches only this database: new connections are refused and open ones
 * are dropped, until `reopenDatabase`. The rest of the shared server keeps running.
 */
export async function closeDatabase(url: string): Promise<void> {
  await asAdmin(url, (name) => `alter database ${quoted(name)} with allow_connections false`);
  await terminateBackends(url);
}

export async function reopenDatabase(url: string): Promise<void> {
  await asAdmin(url, (name) => `alter database ${quoted(name)} with allow_connections true`);
}
