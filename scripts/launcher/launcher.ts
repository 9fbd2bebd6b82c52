/**
 * The parts a launcher started, stopped in the reverse order on Ctrl-C, SIGTERM or a fatal
 * error: web and workers first (so nothing is still connected when the databases go), then
 * Temporal, then Postgres, then the lock file.
 */
export class Launcher {
  private readonly parts: { name: string; stop: () => Promise<void> | void }[] = [];
  private stopping: Promise<never> | null = null;

  constructor(private readonly log: (line: string) => void) {}

  /** Registers how to stop a part that has started. */
  add(name: string, stop: () => Promise<void> | void): void {
    this.parts.push({ name, stop });
  }

  get isStopping(): boolean {
    return this.stopping !== null;
  }

  /**
   * Ctrl-C and SIGTERM stop everything in order; a second Ctrl-C stops at once. One Ctrl-C can
   * arrive twice (from the terminal, and forwarded by `npm run`), so repeats within 2 s count once.
   */
  handleSignals(): void {
    let firstAt = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.stopping && Date.now() - firstAt < 2000) return;
      if (this.stopping) {
        this.log(`${signal} again: stopping at once`);
        process.exit(130);
      }
      firstAt = Date.now();
      void this.shutdown(0);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    process.on("SIGHUP", onSignal);
  }

  /**
   * Stops everything when the process that started this launcher is gone, even if it was
   * SIGKILLed and could not say so (ALERTFLOW_PARENT_PID, set by scripts/e2e-server.ts).
   */
  stopWithParent(pid: number | undefined): void {
    if (!pid) return;
    const timer = setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(timer);
        this.log(`the process that started this one (pid ${pid}) is gone`);
        void this.shutdown(1);
      }
    }, 1000);
    timer.unref();
  }

  shutdown(code: number): Promise<never> {
    this.stopping ??= (async () => {
      this.log("stopping…");
      for (const part of [...this.parts].reverse()) {
        try {
          await part.stop();
        } catch (err) {
          this.log(`${part.name} did not stop cleanly: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      this.log("stopped");
      process.exit(code);
    })();
    return this.stopping;
  }
}
