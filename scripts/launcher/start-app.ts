import path from "node:path";
import type { Launcher } from "./launcher";
import { niced } from "./niceness";
import { spawnGroup } from "./process-group";
import { supervise, type Supervised } from "./supervise";

const root = path.resolve(import.meta.dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

/**
 * Starts one worker process (node with tsx's loader: one process, no wrapper), at the nice value
 * ALERTFLOW_WORKER_NICE when set (off by default: see niceness.ts).
 */
export function spawnWorker(name: string, env: NodeJS.ProcessEnv, onOutput?: (chunk: Buffer) => void) {
  const args = ["--import", "tsx", path.join(root, "worker/worker.ts")];
  return spawnGroup({
    name,
    ...niced(process.execPath, args, env.ALERTFLOW_WORKER_NICE, "ALERTFLOW_WORKER_NICE"),
    env,
    cwd: root,
    onOutput,
  });
}

/**
 * Production's web server: scripts/launcher/front-server.ts, which answers alerts itself and runs
 * Next.js (the production build) for everything else, in one process.
 */
export function spawnFrontServer(opts: { env: NodeJS.ProcessEnv; port: number; hostname?: string }) {
  const args = [
    "--import",
    "tsx",
    path.join(root, "scripts/launcher/front-server.ts"),
    "--port",
    String(opts.port),
    ...(opts.hostname ? ["--hostname", opts.hostname] : []),
  ];
  return spawnGroup({ name: "web", command: process.execPath, args, env: opts.env, cwd: root });
}

/** `next dev` or `next start` on the port, and on the host when given (Next's default: every interface). */
export function spawnWeb(opts: {
  mode: "dev" | "production";
  env: NodeJS.ProcessEnv;
  port: number;
  hostname?: string;
}) {
  const args = [
    opts.mode === "dev" ? "dev" : "start",
    "--port",
    String(opts.port),
    ...(opts.hostname ? ["--hostname", opts.hostname] : []),
  ];
  return spawnGroup({ name: "web", command: bin("next"), args, env: opts.env, cwd: root });
}

/**
 * The web server and the supervised worker(s). A worker that exits is restarted with backoff
 * and never takes the web server down; the web server exiting stops everything (with a non-zero
 * code, so a process manager restarts the whole launcher).
 */
export function startApp(
  launcher: Launcher,
  opts: {
    mode: "dev" | "production";
    env: NodeJS.ProcessEnv;
    port: number;
    hostname?: string;
    workers: number;
    /** Production's web server (ALERTFLOW_WEB_SERVER); development always runs `next dev`. */
    webServer?: "front" | "next";
  },
): { workers: Supervised[] } {
  const log = (line: string) => console.log(`[launcher] ${line}`);
  const workers = Array.from({ length: opts.workers }, (_, i) => {
    const name = opts.workers > 1 ? `worker-${i + 1}` : "worker";
    return supervise({ name, start: () => spawnWorker(name, opts.env), log });
  });
  const web = opts.mode === "production" && opts.webServer !== "next" ? spawnFrontServer(opts) : spawnWeb(opts);
  void web.exited.then(({ code, signal }) => {
    if (launcher.isStopping) return;
    log(`web exited (${signal ?? `code ${code}`}); stopping everything`);
    void launcher.shutdown(code || 1);
  });
  launcher.add("web and workers", async () => {
    await Promise.all([web.stop(), ...workers.map((w) => w.stop())]);
  });
  return { workers };
}
