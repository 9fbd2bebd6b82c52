import { createServer, type Server, type Socket, connect } from "node:net";
import { createDb, type Db } from "~/db/client";
import { listeningPort } from "./listening-port";

export interface PostgresProxy {
  /** The database URL through the proxy. */
  url: string;
  /** Listens again on the same port. */
  open(): Promise<void>;
  /** Drops every connection through it and refuses new ones: an outage of this client alone. */
  close(): Promise<void>;
}

/**
 * A TCP proxy to the test database's server that can be closed and opened again on one port: an
 * outage seen by the clients that connect through it only, while the harness and its worker keep
 * their own connections.
 */
export async function startPostgresProxy(databaseUrl: string): Promise<PostgresProxy> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const open = async () => {
    if (server?.listening) return;
    server = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    const listening = server;
    await new Promise<void>((resolve) => listening.listen(port, "127.0.0.1", resolve));
    port = listeningPort(listening);
  };
  const close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
  };
  await open();
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return { url: url.toString(), open, close };
}

export interface ProxiedDatabase {
  db: Db;
  /** Close it for an outage of `db` alone; open it again to end the outage. */
  proxy: PostgresProxy;
  /** Ends the outage, the pool and the proxy (for afterAll). */
  end(): Promise<void>;
}

/** A pool of `max` connections to the test database through its own proxy. */
export async function startProxiedDatabase(databaseUrl: string, max = 4): Promise<ProxiedDatabase> {
  const proxy = await startPostgresProxy(databaseUrl);
  const { db, pool } = createDb(proxy.url, max);
  return {
    db,
    proxy,
    async end() {
      await proxy.open();
      await pool.end();
      await proxy.close();
    },
  };
}
