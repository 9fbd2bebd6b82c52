import { spawn, type ChildProcess } from "node:child_process";

/** Whether `target` (a pid, or minus a process group's id) still has a process a signal reaches. */
export function isAlive(target: number): boolean {
  try {
    process.kill(target, 0);
    return true;
  } catch {
    return false;
  }
}

export interface GroupChild {
  name: string;
  child: ChildProcess;
  detached: boolean;
  /** Resolves when the process leader exits (its group may still be stopping). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM to the whole group, SIGKILL to the group after `graceMs`; resolves when the leader is gone. */
  stop: (graceMs?: number) => Promise<void>;
}

const live = new Set<GroupChild>();

function signalGroup(child: ChildProcess, signal: NodeJS.Signals, detached = true) {
  if (child.pid === undefined) return;
  try {
    // A negative pid is the process group: the process and everything it started.
    process.kill(detached ? -child.pid : child.pid, signal);
  } catch {
    // Already gone.
  }
}

// A launcher that dies unexpectedly must not leave workers, Next or Temporal behind.
process.once("exit", () => {
  for (const g of live) signalGroup(g.child, "SIGKILL", g.detached);
});

/** Prints each line of a child's output with a `[name]` prefix. */
export function prefixLines(name: string, write: (line: string) => void = console.log) {
  let partial = "";
  return (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) write(`[${name}] ${line.trimEnd()}`);
  };
}

/**
 * Starts a command as the leader of its own process group, so stopping it stops everything it
 * started (`tsx` runs the real node process as a child), and the terminal's Ctrl-C reaches only
 * the launcher, which then stops the parts in order instead of all at once.
 */
export function spawnGroup(opts: {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  onOutput?: (chunk: Buffer) => void;
  /** false: stay in the caller's group (killed with it); then stop() signals only this process. */
  detached?: boolean;
}): GroupChild {
  const detached = opts.detached ?? true;
  const child = spawn(opts.command, opts.args, {
    cwd: opts.cwd,
    env: opts.env,
    detached,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = opts.onOutput ?? prefixLines(opts.name);
  child.stdout?.on("data", out);
  child.stderr?.on("data", out);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", () => resolve({ code: 127, signal: null }));
  });
  const group: GroupChild = {
    name: opts.name,
    child,
    detached,
    exited,
    stop: async (graceMs = 8000) => {
      const deadline = Date.now() + graceMs;
      if (child.exitCode === null && child.signalCode === null) signalGroup(child, "SIGTERM", detached);
      const timer = setTimeout(() => signalGroup(child, "SIGKILL", detached), graceMs);
      await exited;
      // A leader (npm, a shell) may exit before what it started has finished stopping: wait for
      // the rest of the group within the same grace period, then kill what is left.
      while (detached && groupAlive(child) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      clearTimeout(timer);
      if (detached) signalGroup(child, "SIGKILL");
      live.delete(group);
    },
  };
  live.add(group);
  return group;
}

function groupAlive(child: ChildProcess): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}
