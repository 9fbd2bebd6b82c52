import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { resetTestDatabase } from "~/test-support/test-services";
import { freePort } from "./free-port";
import { findOrInstallTemporalCli } from "./temporal-cli";
import { startTemporalDevServer, stopChild } from "./temporal-server";

/**
 * What Playwright starts: a fresh database, a Temporal dev server in a temp folder, the worker
 * and a production build of the app. Stops everything when Playwright stops it.
 */
const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3100);
const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/alertflow_e2e";
const children: ChildProcess[] = [];

async function main() {
  const [temporal] = await Promise.all([
    startTemporalDevServer({
      cli: findOrInstallTemporalCli(),
      dataDir: mkdtempSync(path.join(os.tmpdir(), "alertflow-e2e-temporal-")),
      port: await freePort(),
      uiPort: null,
    }),
    resetTestDatabase(databaseUrl),
  ]);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    OUTBOUND_ALLOW_LIST: "127.0.0.1,localhost",
    NODE_ENV: "production" as const,
  };
  const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
  if (!process.env.E2E_SKIP_BUILD || !existsSync(path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"))) {
    await new Promise<void>((resolve, reject) => {
      const build = spawn(bin("next"), ["build"], { cwd: root, env, stdio: "inherit" });
      build.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (${code})`))));
    });
  }
  children.push(spawn(bin("tsx"), ["worker/worker.ts"], { cwd: root, env, stdio: "inherit" }));
  children.push(
    spawn(bin("next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
      cwd: root,
      env,
      stdio: "inherit",
    }),
  );
  const stop = async () => {
    await Promise.all(children.map((c) => stopChild(c)));
    await temporal.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
