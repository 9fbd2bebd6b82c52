import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { resetTestDatabase } from "~/test-support/test-services";
import { freePort } from "./free-port";
import { findOrInstallTemporalCli } from "./temporal-cli";
import { startTemporalDevServer, stopChild, type TemporalServer } from "./temporal-server";

/**
 * What Playwright starts: a fresh database, a Temporal dev server in a temp folder, the worker
 * and a production build of the app. Stops everything when Playwright stops it.
 */
const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3100);
const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/alertflow_e2e";
const log = (line: string) => console.log(`[e2e-server] ${line}`);
const children: ChildProcess[] = [];
let temporal: Promise<TemporalServer> | null = null;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all(children.map((c) => stopChild(c)));
  // A Temporal server still starting is waited for, then stopped: never left running.
  await temporal?.then((t) => t.stop()).catch(() => undefined);
  process.exit(code);
}

// Installed before anything starts: Playwright (or Ctrl-C) may stop this server at any moment,
// including during the minutes of `next build`.
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
  children.push(child);
  log(`${name} started (pid ${child.pid})`);
  return child;
}

async function main() {
  temporal = startTemporalDevServer({
    cli: findOrInstallTemporalCli(),
    dataDir: mkdtempSync(path.join(os.tmpdir(), "alertflow-e2e-temporal-")),
    port: await freePort(),
    uiPort: null,
  });
  const [server] = await Promise.all([temporal, resetTestDatabase(databaseUrl)]);
  log(`temporal at ${server.address} (pid ${server.process.pid})`);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: server.address,
    OUTBOUND_ALLOW_LIST: "127.0.0.1,localhost",
    NODE_ENV: "production" as const,
  };
  const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
  if (stopping) return;
  if (!process.env.E2E_SKIP_BUILD || !existsSync(path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"))) {
    const build = run("next build", bin("next"), ["build"], env);
    const code = await new Promise<number | null>((resolve) => build.once("exit", resolve));
    if (stopping) return;
    if (code !== 0) throw new Error(`next build failed (${code})`);
  }
  run("worker", bin("tsx"), ["worker/worker.ts"], env);
  run("next start", bin("next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], env);
}

main().catch((err: unknown) => {
  console.error(err);
  void stop(1);
});
