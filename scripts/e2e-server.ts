import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { resetTestDatabase } from "~/test-support/test-services";
import { freePort } from "./free-port";
import { Launcher } from "./launcher/launcher";
import { spawnGroup } from "./launcher/process-group";
import { findOrInstallTemporalCli } from "./temporal-cli";
import { startTemporalDevServer } from "./temporal-server";

/**
 * What Playwright starts: a fresh database and a Temporal dev server in a temp folder, then the
 * production mode exactly as a user runs it (`npm run build`, `npm start`), in its own process
 * group, so stopping Playwright stops the web server and every worker it supervises.
 */
const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3100);
const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/alertflow_e2e";
const launcher = new Launcher((line) => console.log(`[e2e-server] ${line}`));

/** `npm run build` in its own process group: npm does not pass SIGTERM on to `next build`. */
async function build(env: NodeJS.ProcessEnv): Promise<void> {
  const group = spawnGroup({ name: "build", command: "npm", args: ["run", "build"], env, cwd: root });
  // Stopping this server during the minutes of `next build` stops the whole build too.
  launcher.add("npm run build", () => group.stop(10_000));
  const { code } = await group.exited;
  if (code !== 0 && !launcher.isStopping) throw new Error(`npm run build failed (${code})`);
}

// Installed before anything starts: Playwright (or Ctrl-C) may stop this server at any moment.
launcher.handleSignals();

async function main() {
  const temporalDir = mkdtempSync(path.join(os.tmpdir(), "alertflow-e2e-temporal-"));
  launcher.add("temporal folder", () => rmSync(temporalDir, { recursive: true, force: true }));
  const [temporal] = await Promise.all([
    startTemporalDevServer({
      cli: (await findOrInstallTemporalCli()).path,
      dataDir: temporalDir,
      port: await freePort(),
      uiPort: null,
      // In this process's group: if Playwright kills the group outright, Temporal goes with it.
      detached: false,
    }),
    resetTestDatabase(databaseUrl),
  ]);
  launcher.add("temporal", () => temporal.stop());
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    OUTBOUND_ALLOW_LIST: "127.0.0.1,localhost",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // The fresh database gets the demo flow and inbox, as a newcomer's does.
    ALERTFLOW_DEMO: "true",
    // `npm start` stops itself if this process is killed without a chance to stop it.
    ALERTFLOW_PARENT_PID: String(process.pid),
    // The benchmarks send thousands of alerts to one token as fast as they can: the per-token limit
    // stays on (its one SQL statement per alert is measured) with room they never use up.
    INBOUND_RATE_LIMIT_BURST: process.env.INBOUND_RATE_LIMIT_BURST ?? "1000000",
    INBOUND_RATE_LIMIT_PER_SECOND: process.env.INBOUND_RATE_LIMIT_PER_SECOND ?? "100000",
    // Production refuses to start without a key; each e2e run gets a fresh random one.
    ALERTFLOW_SECRET_KEY: process.env.ALERTFLOW_SECRET_KEY ?? randomBytes(32).toString("base64url"),
  };
  const built = existsSync(path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"));
  if (!process.env.E2E_SKIP_BUILD || !built) await build({ ...env, NODE_ENV: "production" });
  if (launcher.isStopping) return;
  const app = spawnGroup({ name: "start", command: "npm", args: ["start"], env, cwd: root });
  launcher.add("npm start", () => app.stop(20_000));
  void app.exited.then(({ code }) => {
    if (!launcher.isStopping) void launcher.shutdown(code ?? 1);
  });
}

main().catch(async (err: unknown) => {
  console.error(err);
  await launcher.shutdown(1);
});
