/**
 * A background process started at a lower CPU priority: `nice -n N command …`, so that when the
 * two cores are busy the web process (which answers alerts and sends their first messages) runs
 * first. `nice` execs the command, so the pid (and process group) stays the command's, and every
 * thread it starts inherits the value (setpriority on a Linux pid would reach only one thread).
 * Off by default: measured with worker and Temporal at 10 (npm run bench, two pairs, a machine
 * whose other processes used about one core), the storm's first messages came sooner (p99 2.39 /
 * 2.76 s → 2.28 / 1.30 s) and level 2 was not later (p99 6.79 / 8.83 s → 6.44 / 5.30 s), but
 * c=1 and c=10 moved within the noise (through to the workflows 26.8 / 27.5 → 21.7 / 39.0
 * incidents/s), and a niced process also yields to everything else on a shared host.
 */
export function niced(
  command: string,
  args: string[],
  nice: string | undefined,
  variable: string,
): { command: string; args: string[] } {
  if (nice === undefined || nice === "" || nice === "0") return { command, args };
  if (!/^\d+$/.test(nice) || Number(nice) > 19) {
    throw new Error(`${variable} must be a whole number from 0 to 19 (the nice value), not "${nice}".`);
  }
  return { command: "nice", args: ["-n", nice, command, ...args] };
}
