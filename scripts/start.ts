import { existsSync } from "node:fs";
import path from "node:path";
import { demoBanner, prepareDemo } from "./launcher/demo";
import { Launcher } from "./launcher/launcher";
import { startApp } from "./launcher/start-app";
import { waitForPort } from "./temporal-server";
import { currentWorkflowBundle } from "./launcher/workflow-bundle";

/**
 * `npm start`: the production mode. Configuration only by environment (parsed once, by zod, in
 * server/env.ts): migrations, the web server on a build made by `npm run build` (the front server,
 * scripts/launcher/front-server.ts, which answers alerts and runs Next.js for the rest), and
 * ALERTFLOW_WORKERS supervised worker processes; Postgres and Temporal are existing servers.
 */
Object.assign(process.env, { NODE_ENV: "production" });
const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.log(`[start] ${line}`);
const launcher = new Launcher(log);

async function main() {
  const started = Date.now();
  launcher.handleSignals();
  launcher.stopWithParent(Number(process.env.ALERTFLOW_PARENT_PID) || undefined);
  // Imported after NODE_ENV is set: production refuses to start without DATABASE_URL.
  const { env } = await import("~/server/env");
  const { migrateDatabase } = await import("~/db/migrate");
  const buildDir = path.join(root, process.env.NEXT_DIST_DIR ?? ".next");
  if (!existsSync(path.join(buildDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${buildDir}: run \`npm run build\` first.`);
  }
  await migrateDatabase(env.DATABASE_URL);
  log("migrations applied");
  const demo = env.ALERTFLOW_DEMO === "true" ? await prepareDemo(env.DATABASE_URL, env.PUBLIC_URL) : null;
  // The build's workflow bundle, unless one is configured: no process bundles the workflows at its start.
  const bundle = env.WORKFLOW_BUNDLE_PATH ?? currentWorkflowBundle(buildDir);
  if (!bundle)
    log(
      "no workflow bundle current with the sources (npm run build makes one): each process bundles them as it starts",
    );
  startApp(launcher, {
    mode: "production",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(bundle ? { WORKFLOW_BUNDLE_PATH: bundle } : {}),
    },
    port: env.PORT,
    hostname: env.HOST,
    workers: env.ALERTFLOW_WORKERS,
    webServer: env.ALERTFLOW_WEB_SERVER,
  });
  await waitForPort(["0.0.0.0", "::"].includes(env.HOST) ? "127.0.0.1" : env.HOST, env.PORT, 120_000);
  log(
    `Alertflow is up in ${((Date.now() - started) / 1000).toFixed(1)} s on http://${env.HOST}:${env.PORT} ` +
      `(${env.ALERTFLOW_WORKERS} worker process${env.ALERTFLOW_WORKERS === 1 ? "" : "es"}; ` +
      `Temporal ${env.TEMPORAL_ADDRESS}, namespace ${env.TEMPORAL_NAMESPACE}); public URL ${env.PUBLIC_URL}`,
  );
  if (demo) console.log(demoBanner(demo, env.PUBLIC_URL));
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await launcher.shutdown(1);
});
