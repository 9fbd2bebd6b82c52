import type { ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { niced } from "./launcher/niceness";
import { spawnGroup } from "./launcher/process-group";
import { devServerGoEnv, devServerTuningArgs } from "./temporal-dev-tuning";

export interface TemporalServer {
  address: string;
  uiUrl: string | null;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export async function waitForPort(host: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host, port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`Nothing answered on ${host}:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** `temporal server start-dev` with its SQLite file in `dataDir`, tuned as temporal-dev-tuning.ts says. */
export async function startTemporalDevServer(opts: {
  cli: string;
  dataDir: string;
  port: number;
  uiPort: number | null;
  log?: (line: string) => void;
  /** Its own process group (default), so a terminal's Ctrl-C reaches only the launcher. */
  detached?: boolean;
  /** `--dynamic-config-value` settings after the tuning's (a test's server that must differ). */
  dynamicConfig?: readonly string[];
}): Promise<TemporalServer> {
  mkdirSync(opts.dataDir, { recursive: true });
  const args = [
    "server",
    "start-dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(opts.port),
    "--db-filename",
    path.join(opts.dataDir, "temporal.sqlite"),
    ...devServerTuningArgs(),
    ...(opts.dynamicConfig ?? []).flatMap((v) => ["--dynamic-config-value", v]),
    "--log-level",
    "error",
  ];
  if (opts.uiPort === null) args.push("--headless");
  else args.push("--ui-port", String(opts.uiPort));
  // The launcher stops it after the apps, so none of them sees it go away while running.
  const group = spawnGroup({
    name: "temporal",
    // Off by default (see launcher/niceness.ts): below the web process when the cores are busy.
    ...niced(opts.cli, args, process.env.TEMPORAL_DEV_NICE, "TEMPORAL_DEV_NICE"),
    env: devServerGoEnv(),
    detached: opts.detached ?? true,
    onOutput: (d: Buffer) => opts.log?.(d.toString().trimEnd()),
  });
  const child = group.child;
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`temporal server exited early with code ${code}`))),
  );
  exited.catch(() => undefined);
  try {
    await Promise.race([waitForPort("127.0.0.1", opts.port, 60_000), exited]);
  } catch (error) {
    // A server that never answered is not left running.
    await group.stop();
    throw error;
  }
  return {
    address: `127.0.0.1:${opts.port}`,
    uiUrl: opts.uiPort === null ? null : `http://127.0.0.1:${opts.uiPort}`,
    process: child,
    stop: () => group.stop(),
  };
}

export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
