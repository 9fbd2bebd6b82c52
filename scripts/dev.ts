import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "~/db/migrate";
import { demoBanner, prepareDemo } from "./launcher/demo";
import { devHost, devPublicUrl, probeHost } from "./launcher/dev-host";
import { Launcher } from "./launcher/launcher";
import { startApp } from "./launcher/start-app";
import { startPostgresProcess } from "./launcher/start-postgres";
import { unsupportedNodeWarning } from "./node-support";
import { findOrInstallTemporalCli } from "./temporal-cli";
import { startTemporalDevServer, waitForPort } from "./temporal-server";
import { isAlive } from "./launcher/process-group";

/**
 * `npm run dev`: Postgres (DATABASE_URL or embedded under .data/), the Temporal dev server
 * (TEMPORAL_ADDRESS or started here with its SQLite file under .data/), migrations, the
 * supervised worker and Next.js, each in its own process group. Ctrl-C stops all of it in order.
 */
const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data");
const webPort = Number(process.env.PORT ?? 3000);
const webHost = devHost(process.env.HOST);
const log = (line: string) => console.log(`[dev] ${line}`);
const launcher = new Launcher(log);
const lockFile = path.join(dataDir, "dev.lock");

function takeLock() {
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8"));
    if (pid !== process.pid && isAlive(pid)) {
      throw new Error(`\`npm run dev\` is already running (pid ${pid}); stop it first.`);
    }
  }
  writeFileSync(lockFile, String(process.pid));
  const release = () => rmSync(lockFile, { force: true });
  launcher.add("lock", release);
  // Also on any exit that skips the orderly stop.
  process.once("exit", release);
}

async function main() {
  const started = Date.now();
  const nodeWarning = unsupportedNodeWarning(process.versions.node);
  if (nodeWarning) log(`warning: ${nodeWarning}`);
  launcher.handleSignals();
  takeLock();

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    databaseUrl = await startPostgresProcess(
      launcher,
      path.join(dataDir, "postgres"),
      Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    );
  }
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let temporalUi: string | null = null;
  if (!temporalAddress) {
    const cli = await findOrInstallTemporalCli(log);
    log(`Temporal CLI: ${cli.path} (found via ${cli.route})`);
    const temporal = await startTemporalDevServer({
      cli: cli.path,
      dataDir: path.join(dataDir, "temporal"),
      port: Number(process.env.TEMPORAL_DEV_PORT ?? 7233),
      uiPort: Number(process.env.TEMPORAL_DEV_UI_PORT ?? 8233),
      log: (l) => console.log(`[temporal] ${l}`),
    });
    launcher.add("temporal", () => temporal.stop());
    temporalAddress = temporal.address;
    temporalUi = temporal.uiUrl;
  }
  await migrateDatabase(databaseUrl);
  log("migrations applied");
  const appUrl = devPublicUrl(process.env.PUBLIC_URL, webPort);
  const demo =
    process.env.ALERTFLOW_DEMO === "false"
      ? null
      : await prepareDemo(databaseUrl, appUrl, path.join(dataDir, "demo-endpoint.json"));

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    PORT: String(webPort),
    PUBLIC_URL: appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  startApp(launcher, { mode: "dev", env, port: webPort, hostname: webHost, workers: 1 });
  await waitForPort(probeHost(webHost), webPort, 120_000);
  await fetch(`http://${probeHost(webHost)}:${webPort}/flows`).catch(() => undefined);
  const listening =
    webHost === "127.0.0.1"
      ? "127.0.0.1 only (to open it to the network: HOST=0.0.0.0 PUBLIC_URL=http://<host>:<port>)"
      : `${webHost} (sign-in and changes work from PUBLIC_URL's origin only)`;

  console.log(`
  Alertflow is up (${((Date.now() - started) / 1000).toFixed(1)} s)
    App:          ${appUrl}
    Listening on: ${listening}
    Inbox:        ${appUrl}/inbox
    Alerts in:    POST http://localhost:${webPort}/api/alerts/<endpoint token>
    Temporal UI:  ${temporalUi ?? "(external server)"}
    Temporal:     ${temporalAddress}
    Postgres:     ${databaseUrl.replace(/:[^:@/]+@/, ":***@")}
${demoBanner(demo, appUrl)}
  Ctrl-C stops everything.
`);
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await launcher.shutdown(1);
});
