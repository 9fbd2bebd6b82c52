import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "~/db/migrate";
import { startEmbeddedPostgres, type EmbeddedPg } from "./embedded-postgres";
import { unsupportedNodeWarning } from "./node-support";
import { findOrInstallTemporalCli } from "./temporal-cli";
import { startTemporalDevServer, stopChild, waitForPort, type TemporalServer } from "./temporal-server";

/**
 * `npm run dev`: Postgres (DATABASE_URL or embedded under .data/), the Temporal dev server
 * (TEMPORAL_ADDRESS or started here with its SQLite file under .data/), migrations, the worker
 * and Next.js. Ctrl-C stops all of it.
 */
const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data");
const webPort = Number(process.env.PORT ?? 3000);
const log = (line: string) => console.log(`[dev] ${line}`);

const children: ChildProcess[] = [];
let pg: EmbeddedPg | null = null;
let temporal: TemporalServer | null = null;
let stopping = false;
const lockFile = path.join(dataDir, "dev.lock");

function takeLock() {
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8"));
    let alive: boolean;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (alive && pid !== process.pid)
      throw new Error(`\`npm run dev\` is already running (pid ${pid}); stop it first.`);
  }
  writeFileSync(lockFile, String(process.pid));
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  await Promise.all(children.map((c) => stopChild(c)));
  if (temporal) await temporal.stop();
  if (pg) await pg.stop().catch(() => undefined);
  rmSync(lockFile, { force: true });
  process.exit(code);
}

function run(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (d: Buffer) =>
    d
      .toString()
      .trimEnd()
      .split("\n")
      .forEach((l) => console.log(`[${name}] ${l}`));
  child.stdout?.on("data", prefix);
  child.stderr?.on("data", prefix);
  child.once("exit", (code) => {
    if (!stopping) {
      log(`${name} exited with code ${code}; stopping everything`);
      void shutdown(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

async function main() {
  const started = Date.now();
  const nodeWarning = unsupportedNodeWarning(process.versions.node);
  if (nodeWarning) log(`warning: ${nodeWarning}`);
  takeLock();
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    pg = await startEmbeddedPostgres(
      path.join(dataDir, "postgres"),
      Number(process.env.EMBEDDED_PG_PORT ?? 54329),
      log,
    );
    databaseUrl = pg.url;
  }
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    temporal = await startTemporalDevServer({
      cli: findOrInstallTemporalCli(log),
      dataDir: path.join(dataDir, "temporal"),
      port: 7233,
      uiPort: 8233,
      log: (l) => console.log(`[temporal] ${l}`),
    });
    temporalAddress = temporal.address;
  }
  await migrateDatabase(databaseUrl);
  log("migrations applied");

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    PORT: String(webPort),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const next = path.join(root, "node_modules", ".bin", "next");
  run("worker", tsx, ["worker/worker.ts"], env);
  run("web", next, ["dev", "--port", String(webPort)], env);
  await waitForPort("127.0.0.1", webPort, 120_000);
  await fetch(`http://127.0.0.1:${webPort}/flows`).catch(() => undefined);

  console.log(`
  Alertflow is up (${((Date.now() - started) / 1000).toFixed(1)} s)
    App:          http://localhost:${webPort}
    Alerts in:    POST http://localhost:${webPort}/api/alerts/<endpoint token>
    Temporal UI:  ${temporal?.uiUrl ?? "(external server)"}
    Temporal:     ${temporalAddress}
    Postgres:     ${databaseUrl.replace(/:[^:@/]+@/, ":***@")}
  Ctrl-C stops everything.
`);
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await shutdown(1);
});
