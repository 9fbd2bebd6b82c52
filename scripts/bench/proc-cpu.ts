import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Linux /proc accounting: CPU time of processes (utime + stime) and of the whole machine. */
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

interface ProcInfo {
  pid: number;
  ppid: number;
  cpuMs: number;
  cmdline: string;
}

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name sits in parentheses and may itself contain spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ppid = Number(fields[1]);
    const ticks = Number(fields[11]) + Number(fields[12]);
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
    return { pid, ppid, cpuMs: (ticks * 1000) / TICKS_PER_SECOND, cmdline };
  } catch {
    return null; // exited while we looked
  }
}

export function processTable(): ProcInfo[] {
  const all: ProcInfo[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const info = readProc(Number(name));
    if (info) all.push(info);
  }
  return all;
}

export type Role = "web" | "worker" | "temporal" | "postgres" | "launcher" | "bench";

/**
 * Which part of the system a process belongs to. `roots` are the pids the bench started; their
 * descendants are classified by command line. Postgres is the shared system server: its backends
 * for `database` are ours (the postmaster's own background processes are shared and left out).
 */
export function classify(table: ProcInfo[], roots: number[], database: string): Map<number, Role> {
  const children = new Map<number, number[]>();
  for (const p of table) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const byPid = new Map(table.map((p) => [p.pid, p]));
  const roles = new Map<number, Role>();
  const stack = [...roots];
  while (stack.length > 0) {
    const pid = stack.pop();
    if (pid === undefined) continue;
    const p = byPid.get(pid);
    if (!p) continue;
    roles.set(pid, roleOf(p.cmdline));
    stack.push(...(children.get(pid) ?? []));
  }
  // A backend's title: "postgres: 15/main: <user> <database> <client> <state>".
  const backend = new RegExp(`^postgres: (\\S+: )?\\S+ ${database.replace(/[^\w]/g, "\\$&")} `);
  for (const p of table) if (backend.test(p.cmdline)) roles.set(p.pid, "postgres");
  roles.set(process.pid, "bench");
  return roles;
}

function roleOf(cmdline: string): Role {
  if (/temporal\S* server start-dev/.test(cmdline)) return "temporal";
  if (cmdline.includes("worker/worker.ts")) return "worker";
  if (/next-server|next start|next\/dist\/bin\/next|\.bin\/next start|launcher\/front-server/.test(cmdline))
    return "web";
  return "launcher";
}

export type CpuSnapshot = Map<number, { role: Role; cpuMs: number }>;

export function snapshot(roots: number[], database: string): CpuSnapshot {
  const table = processTable();
  const roles = classify(table, roots, database);
  const snap: CpuSnapshot = new Map();
  for (const p of table) {
    const role = roles.get(p.pid);
    if (role) snap.set(p.pid, { role, cpuMs: p.cpuMs });
  }
  return snap;
}

/** CPU ms each role used between two snapshots (a process born in between counts from zero). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Record<Role, number> {
  const used: Record<Role, number> = { web: 0, worker: 0, temporal: 0, postgres: 0, launcher: 0, bench: 0 };
  for (const [pid, now] of after) used[now.role] += now.cpuMs - (before.get(pid)?.cpuMs ?? 0);
  return used;
}

/** Whole-machine jiffies from /proc/stat's first line. */
export interface MachineTimes {
  totalMs: number;
  idleMs: number;
  stealMs: number;
}

export function machineTimes(): MachineTimes {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const [, ...values] = line.trim().split(/\s+/);
  const n = values.map(Number);
  const at = (i: number) => n[i] ?? 0;
  // user nice system idle iowait irq softirq steal (guest time is already inside user)
  const total = [0, 1, 2, 3, 4, 5, 6, 7].reduce((sum, i) => sum + at(i), 0);
  const toMs = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;
  return { totalMs: toMs(total), idleMs: toMs(at(3) + at(4)), stealMs: toMs(at(7)) };
}

export function loadAverage(): [number, number, number] {
  const [a = 0, b = 0, c = 0] = readFileSync("/proc/loadavg", "utf8").split(" ").map(Number);
  return [a, b, c];
}
