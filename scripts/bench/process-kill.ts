import { readFileSync } from "node:fs";
import { processTable } from "./proc-cpu";
import { isAlive } from "../launcher/process-group";

/**
 * Kills parts of the app under test the way a crash would: SIGKILL to the real process group (the
 * launcher starts each part as the leader of its own group, `node --import tsx …` with no
 * wrapper), then checks that the leader and its group are really gone.
 */

/** The process group a process belongs to (field 5 of /proc/<pid>/stat), or null once it is gone. */
export function processGroupOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
  } catch {
    return null;
  }
}

/** The descendants of `root` whose command line matches, oldest pid first. */
export function descendantsMatching(root: number, match: RegExp): number[] {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const p of table) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const byPid = new Map(table.map((p) => [p.pid, p]));
  const found: number[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop();
    if (pid === undefined) continue;
    if (match.test(byPid.get(pid)?.cmdline ?? "")) found.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return found.sort((a, b) => a - b);
}

/**
 * SIGKILLs the group `pid` leads and waits until the process and every member of its group are
 * gone (reaped by its parent, not a zombie). Refuses a pid that does not lead its own group, so
 * a wrapper is never what gets killed. Returns how long the group took to disappear, in ms.
 */
export async function killGroupAndConfirm(pid: number, timeoutMs = 10_000): Promise<number> {
  const group = processGroupOf(pid);
  if (group !== pid) throw new Error(`pid ${pid} does not lead its process group (group ${group ?? "gone"})`);
  const started = performance.now();
  process.kill(-pid, "SIGKILL");
  while (isAlive(pid) || isAlive(-pid)) {
    if (performance.now() - started > timeoutMs) {
      throw new Error(`pid ${pid} or its group still there ${timeoutMs} ms after SIGKILL`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - started;
}

/** Waits for a process matching `match` under `root` other than `not`; returns its pid. */
export async function waitForDescendant(root: () => number, match: RegExp, not: number, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const pid = descendantsMatching(root(), match).find((p) => p !== not);
    if (pid !== undefined) return pid;
    if (performance.now() > deadline) throw new Error(`no new process matching ${match} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
