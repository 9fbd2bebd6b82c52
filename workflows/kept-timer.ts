import { CancellationScope, isCancellation, sleep } from "@temporalio/workflow";

/**
 * A workflow timer that stays started across waits while its due time stays the same. The loop
 * of an incident waits on `condition(wake, delay)`, whose timer is cancelled whenever something
 * else wakes it first (a poke, say) and started again for the same moment on the next wait: two
 * history events each time. This one is only cancelled when the due time changes.
 */
export function createKeptTimer() {
  let current: { dueAtMs: number; fired: boolean; scope: CancellationScope } | null = null;
  return {
    /**
     * Makes the timer due at `dueAtMs` (none when null): kept when it is already started for that
     * moment and has not fired, otherwise the old one is cancelled and a new one started. Never
     * less than a millisecond: a timer due in the past fires at once.
     */
    set(dueAtMs: number | null, nowMs: number): void {
      if (current && !current.fired && current.dueAtMs === dueAtMs) return;
      if (current && !current.fired) current.scope.cancel();
      current = null;
      if (dueAtMs === null) return;
      const timer = { dueAtMs, fired: false, scope: new CancellationScope({ cancellable: true }) };
      current = timer;
      timer.scope
        .run(() => sleep(Math.max(1, dueAtMs - nowMs)))
        .then(
          () => {
            timer.fired = true;
          },
          (err: unknown) => {
            if (!isCancellation(err)) throw err;
          },
        );
    },
    /** The timer set last has fired (a fired timer is started again by the next set). */
    fired: () => current?.fired === true,
  };
}
