import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { spawnGroup, type GroupChild } from "../launcher/process-group";
import { freePort } from "../free-port";

const root = path.resolve(import.meta.dirname, "../..");
/** The build `npm run build` makes (and the e2e server reuses); another dir would make Next rewrite tsconfig.json. */
export const BENCH_DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next";

/** Newest modification time under the folders the production build is made from. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "server", "core", "db"]) walk(path.join(root, dir));
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
 * Alertflow as a user runs it in production, through scripts/e2e-server.ts: a fresh database, a
 * Temporal dev server, `npm run build` (skipped when the bench build is current) and `npm start`
 * (web server and one supervised worker process), all in one process group the bench stops.
 */
export async function startAlertflow(opts: {
  databaseUrl: string;
  env: Record<string, string>;
  log: (l: string) => void;
}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const rebuild = !buildIsCurrent();
  if (rebuild) opts.log("production build missing or older than the sources: building (minutes)…");
  const tail: string[] = [];
  const group: GroupChild = spawnGroup({
    name: "alertflow",
    command: process.execPath,
    args: ["--import", "tsx", path.join(root, "scripts/e2e-server.ts")],
    cwd: root,
    env: {
      ...process.env,
      ...opts.env,
      E2E_PORT: String(port),
      E2E_DATABASE_URL: opts.databaseUrl,
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      ...(rebuild ? {} : { E2E_SKIP_BUILD: "1" }),
    },
    // Kept quiet (its logs would cost the bench CPU and bury the table); shown if it fails to start.
    onOutput: (chunk) => {
      tail.push(
        ...chunk
          .toString()
          .split("\n")
          .filter((l) => l.trim()),
      );
      tail.splice(0, Math.max(0, tail.length - 40));
    },
  });
  const failed = (why: string) => new Error(`${why}; its last lines:\n${tail.join("\n")}`);
  const deadline = Date.now() + (rebuild ? 900_000 : 180_000);
  for (;;) {
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (group.child.exitCode !== null) throw failed("the app stopped before it answered /api/health");
    if (Date.now() > deadline) throw failed("the app did not answer /api/health in time");
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    pid: group.child.pid ?? 0,
    stop: () => group.stop(20_000),
  };
}
