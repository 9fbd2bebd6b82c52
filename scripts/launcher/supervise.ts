import type { GroupChild } from "./process-group";
import { restartDelay, WORKER_BACKOFF, type BackoffPolicy } from "./restart-backoff";

/** sysexits' EX_CONFIG: the worker exits with it when its configuration is unusable. */
export const EX_CONFIG = 78;

export interface Supervised {
  /** The process running now (null while waiting to restart). */
  current: () => GroupChild | null;
  /** Stops restarting and stops the process. */
  stop: () => Promise<void>;
}

/**
 * Keeps a process running: when it exits, starts it again after a doubling delay. Used for the
 * worker, whose exit (database gone for a moment, a crash) must never take the web server down.
 */
export function supervise(opts: {
  name: string;
  start: () => GroupChild;
  log: (line: string) => void;
  policy?: BackoffPolicy;
}): Supervised {
  const policy = opts.policy ?? WORKER_BACKOFF;
  let current: GroupChild | null = null;
  let stopped = false;
  let consecutive = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const launch = () => {
    if (stopped) return;
    const startedAt = Date.now();
    const child = opts.start();
    current = child;
    void child.exited.then(({ code, signal }) => {
      if (current === child) current = null;
      if (stopped) return;
      if (code === EX_CONFIG) {
        // A configuration error (e.g. no ALERTFLOW_SECRET_KEY) that a restart cannot fix: say so once.
        opts.log(`${opts.name} stopped: a configuration error (see its message above); not restarting`);
        return;
      }
      const next = restartDelay(policy, { consecutive, ranMs: Date.now() - startedAt });
      consecutive = next.consecutive;
      opts.log(
        `${opts.name} exited (${signal ?? `code ${code}`}); restarting in ${(next.delayMs / 1000).toFixed(0)} s` +
          (consecutive > 1 ? ` (restart ${consecutive} in a row)` : ""),
      );
      // Whatever the exited leader left behind in its group goes before the next one starts.
      void child.stop(0).then(() => {
        timer = setTimeout(launch, next.delayMs);
      });
    });
  };
  launch();

  return {
    current: () => current,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current?.stop();
    },
  };
}
