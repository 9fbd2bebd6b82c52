import { cpuBetween, loadAverage, machineTimes, snapshot, type Role } from "./proc-cpu";

export interface PhaseLoad {
  seconds: number;
  /** CPU ms per role of our processes over the phase. */
  cpu: Record<Role, number>;
  /** Cores busy on the whole machine, and of those, cores used by processes not ours. */
  machineBusyCores: number;
  othersBusyCores: number;
  stealPercent: number;
  loadMax: number;
}

/**
 * Measures one phase of the bench: CPU of our processes by role, and whether the machine was
 * shared meanwhile (others' CPU, steal, load average sampled every second).
 */
export function startPhase(roots: () => number[], database: string) {
  const before = snapshot(roots(), database);
  const machineBefore = machineTimes();
  const started = performance.now();
  let loadMax = loadAverage()[0];
  const timer = setInterval(() => {
    loadMax = Math.max(loadMax, loadAverage()[0]);
  }, 1000);
  return {
    end(): PhaseLoad {
      clearInterval(timer);
      const after = snapshot(roots(), database);
      const machineAfter = machineTimes();
      const seconds = (performance.now() - started) / 1000;
      const cpu = cpuBetween(before, after);
      const ours = Object.values(cpu).reduce((a, b) => a + b, 0);
      const total = machineAfter.totalMs - machineBefore.totalMs;
      const idle = machineAfter.idleMs - machineBefore.idleMs;
      const busyMs = total - idle;
      return {
        seconds,
        cpu,
        machineBusyCores: busyMs / 1000 / seconds,
        othersBusyCores: Math.max(0, busyMs - ours) / 1000 / seconds,
        stealPercent: total > 0 ? (100 * (machineAfter.stealMs - machineBefore.stealMs)) / total : 0,
        loadMax: Math.max(loadMax, loadAverage()[0]),
      };
    },
  };
}
