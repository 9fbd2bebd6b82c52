import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export interface WorkerProcess {
  pid: number;
  /** Everything it printed, for a failing test's message. */
  output: string[];
  /** SIGKILL to its whole process group; resolves once the process is gone (and checks it is). */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after a grace period. */
  stop(): Promise<void>;
  alive(): boolean;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Whether a live process is left in the group. Read from /proc, because a killed helper child
 * (tsx's esbuild service) can linger as a zombie when nothing reaps orphans, and kill(-pgid, 0)
 * counts zombies.
 */
export function groupAlive(pgid: number): boolean {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state ppid pgrp …; comm may contain spaces, so read after its closing paren.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z" && state !== "X") return true;
  }
  return false;
}

/**
 * The production worker entry point as its own process, in its own process group: `node --import
 * tsx`, so the pid is the worker itself and not a wrapper that would die alone and leave the real
 * worker running. Resolves once it polls.
 */
export function spawnWorkerProcess(env: Record<string, string>, startTimeoutMs = 60_000): Promise<WorkerProcess> {
  return spawnTsxProcess({ script: "worker/worker.ts", env, ready: "worker: polling", startTimeoutMs });
}

/**
 * A script of this repository run as `spawnWorkerProcess` runs the worker (own process group,
 * `node --import tsx`, the pid is the script itself); resolves once every `ready` text was printed.
 */
export function spawnTsxProcess(opts: {
  script: string;
  env: Record<string, string>;
  ready: string | string[];
  startTimeoutMs?: number;
}): Promise<WorkerProcess> {
  const { script, env, startTimeoutMs = 60_000 } = opts;
  const ready = Array.isArray(opts.ready) ? opts.ready : [opts.ready];
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) return Promise.reject(new Error(`${script} did not start`));
  const output: string[] = [];
  child.stderr?.on("data", (d: Buffer) => output.push(d.toString()));
  const handle: WorkerProcess = {
    pid,
    output,
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill() {
      process.kill(-pid, "SIGKILL");
      await exited(child);
      if (groupAlive(pid)) throw new Error(`worker process group ${pid} survived SIGKILL`);
    },
    async stop() {
      if (!handle.alive()) return;
      const timer = setTimeout(() => groupAlive(pid) && process.kill(-pid, "SIGKILL"), 5_000);
      process.kill(-pid, "SIGTERM");
      await exited(child);
      clearTimeout(timer);
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void handle.kill();
      reject(new Error(`${script} was not ready within ${startTimeoutMs} ms:\n${output.join("")}`));
    }, startTimeoutMs);
    child.stdout?.on("data", (d: Buffer) => {
      output.push(d.toString());
      const printed = output.join("");
      if (ready.every((text) => printed.includes(text))) {
        clearTimeout(timer);
        resolve(handle);
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code ?? signal}) before it was ready:\n${output.join("")}`));
    });
  });
}
