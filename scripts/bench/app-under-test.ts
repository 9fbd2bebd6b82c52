import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { resetTestDatabase } from "~/test-support/test-services";
import { freePort } from "../free-port";
import { spawnGroup, type GroupChild } from "../launcher/process-group";
import { descendantsMatching, killGroupAndConfirm, waitForDescendant } from "./process-kill";
import { findOrInstallTemporalCli } from "../temporal-cli";
import { startTemporalDevServer } from "../temporal-server";

const root = path.resolve(import.meta.dirname, "../..");
/** The build `npm run build` makes (and the e2e server reuses); another dir would make Next rewrite tsconfig.json. */
export const BENCH_DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next";

/** How `npm start`'s launcher runs its parts (scripts/launcher/start-app.ts): each leads its own process group. */
const WORKER_COMMAND = /worker\/worker\.ts/;
const WEB_COMMAND = /launcher\/front-server\.ts|next\/dist\/bin\/next|\.bin\/next start/;

/** One part killed: its pid, how long its group took to be gone, and how long until it was back. */
export interface KillReport {
  part: "worker" | "temporal" | "web";
  pid: number;
  goneMs: number;
  backMs: number;
  next: number;
}

/** Newest modification time under the folders the production build (and its workflow bundle) is made from. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "server", "core", "db", "workflows"]) walk(path.join(root, dir));
  for (const file of ["next.config.ts", "package-lock.json"])
    newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  return newest;
}

/** Whether the build dir holds a build at least as new as the sources (else it is rebuilt). */
export function buildIsCurrent(): boolean {
  const id = path.join(root, BENCH_DIST_DIR, "BUILD_ID");
  return existsSync(id) && statSync(id).mtimeMs >= newestSource();
}

/**
 * Alertflow as a user runs it in production: a fresh database, a Temporal dev server, `npm run
 * build` (skipped when the build is current) and `npm start` (web server and one supervised
 * worker process), each in its own process group that the bench stops.
 */
export async function startAlertflow(opts: {
  databaseUrl: string;
  env: Record<string, string>;
  log: (l: string) => void;
}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // BENCH_REUSE_BUILD=1 keeps an older build, e.g. when only worker or workflow code changed.
  const reuse = process.env.BENCH_REUSE_BUILD === "1" && existsSync(path.join(root, BENCH_DIST_DIR, "BUILD_ID"));
  const rebuild = !reuse && !buildIsCurrent();
  const temporalDir = mkdtempSync(path.join(os.tmpdir(), "alertflow-bench-app-temporal-"));
  const cli = (await findOrInstallTemporalCli(opts.log)).path;
  const temporalPort = await freePort();
  // The same port and SQLite file on a restart: what the app was told to reach, and what it had.
  const startTemporal = () => startTemporalDevServer({ cli, dataDir: temporalDir, port: temporalPort, uiPort: null });
  let [temporal] = await Promise.all([startTemporal(), resetTestDatabase(opts.databaseUrl)]);
  const tail: string[] = [];
  // Kept quiet (its logs would cost the bench CPU and bury the table); shown if it fails to start.
  const keep = (chunk: Buffer) => {
    tail.push(
      ...chunk
        .toString()
        .split("\n")
        .filter((l) => l.trim()),
    );
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The inbound rate limit stays on (its cost is part of the path), far above what the bench sends.
    INBOUND_RATE_LIMIT_BURST: "1000000",
    INBOUND_RATE_LIMIT_PER_SECOND: "1000000",
    ...opts.env,
    NODE_ENV: "production",
    DATABASE_URL: opts.databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    OUTBOUND_ALLOW_LIST: "127.0.0.1",
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_URL: base,
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    ALERTFLOW_DEMO: "false",
    ALERTFLOW_PARENT_PID: String(process.pid),
    ALERTFLOW_SECRET_KEY: randomBytes(32).toString("base64url"),
  };
  let app: GroupChild | undefined;
  const stop = async () => {
    await app?.stop(20_000);
    await temporal.stop();
    rmSync(temporalDir, { recursive: true, force: true });
  };
  try {
    if (rebuild) {
      opts.log("production build missing or older than the sources: npm run build (minutes)…");
      const build = spawnGroup({
        name: "build",
        command: "npm",
        args: ["run", "build"],
        env,
        cwd: root,
        onOutput: keep,
      });
      const { code } = await build.exited;
      if (code !== 0) throw new Error(`npm run build failed (${code}):\n${tail.join("\n")}`);
    }
    // `npm start`'s own command, with the react-server condition: the launcher's demo seeding
    // reaches modules marked "server-only" (main at 577352f), which otherwise refuse to load.
    const startApp = async () => {
      const started = spawnGroup({
        name: "start",
        command: process.execPath,
        args: ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"],
        env,
        cwd: root,
        onOutput: keep,
      });
      app = started;
      const deadline = Date.now() + 180_000;
      for (;;) {
        const ok = await fetch(`${base}/api/health`)
          .then((r) => r.ok)
          .catch(() => false);
        if (ok) return started;
        if (started.child.exitCode !== null || Date.now() > deadline) {
          throw new Error(`the app did not answer /api/health; its last lines:\n${tail.join("\n")}`);
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    let started = await startApp();
    const launcherPid = () => started.child.pid ?? 0;
    return {
      base,
      temporalAddress: temporal.address,
      pids: () => [launcherPid(), temporal.process.pid ?? 0],
      /** The supervised worker process(es) `npm start` runs. */
      workerPids: () => descendantsMatching(launcherPid(), WORKER_COMMAND),
      /**
       * A crash of the worker: its process group SIGKILLed and checked gone; `npm start`'s
       * supervisor starts another (after its backoff). Resolves once the new one is running.
       */
      async killWorker(): Promise<KillReport> {
        const [pid] = descendantsMatching(launcherPid(), WORKER_COMMAND);
        if (pid === undefined) throw new Error("no worker process to kill");
        const t0 = performance.now();
        const goneMs = await killGroupAndConfirm(pid);
        const next = await waitForDescendant(launcherPid, WORKER_COMMAND, pid, 60_000);
        return { part: "worker", pid, goneMs, backMs: performance.now() - t0, next };
      },
      /** Temporal's dev server SIGKILLed and started again on its port and SQLite file. */
      async killTemporal(): Promise<KillReport> {
        const pid = temporal.process.pid;
        if (pid === undefined) throw new Error("no Temporal process to kill");
        const t0 = performance.now();
        const goneMs = await killGroupAndConfirm(pid);
        temporal = await startTemporal();
        return { part: "temporal", pid, goneMs, backMs: performance.now() - t0, next: temporal.process.pid ?? 0 };
      },
      /**
       * The web process's group SIGKILLed. `npm start` then stops its workers and exits non-zero
       * (by design: a process manager restarts it), so the bench does what that manager would.
       */
      async killWeb(): Promise<KillReport> {
        const [pid] = descendantsMatching(launcherPid(), WEB_COMMAND);
        if (pid === undefined) throw new Error("no web process to kill");
        const t0 = performance.now();
        const goneMs = await killGroupAndConfirm(pid);
        const exited = await Promise.race([
          started.exited.then(() => true),
          new Promise<false>((r) => setTimeout(() => r(false), 60_000)),
        ]);
        if (!exited) opts.log("npm start did not exit within 60 s of its web process's death; stopping it");
        await started.stop(5_000);
        started = await startApp();
        const [next = 0] = descendantsMatching(launcherPid(), WEB_COMMAND);
        return { part: "web", pid, goneMs, backMs: performance.now() - t0, next };
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
