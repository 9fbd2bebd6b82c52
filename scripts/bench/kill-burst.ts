import type { KillReport } from "./app-under-test";
import type { BenchTargets } from "./scenarios";
import { Refusals } from "./scenarios";
import { pool } from "./stats";

/** A part to kill once `afterAccepted` alerts of the burst have been answered 202. */
export interface KillStep {
  afterAccepted: number;
  kill: () => Promise<KillReport>;
}

export interface KillBurstResult {
  /** Keys answered 202 (by some attempt), and when that answer came (ms from the burst's start). */
  accepted: string[];
  /** Keys given up on: never answered 202 within the retry budget (they may still page). */
  notAccepted: number;
  /** Attempts that ended without a 202 (refused, reset by a kill, refused connection) and were tried again. */
  retries: number;
  refused: Refusals;
  acceptSeconds: number;
  /** Each kill, with how many alerts had been accepted when it began. */
  kills: (KillReport & { acceptedBefore: number; atSeconds: number })[];
}

/**
 * A storm with crashes: `count` new incidents posted by `senders`, each retried (as a sender
 * does) until it is answered 202, while the steps kill parts of the app as the accepted count
 * passes their marks, one after another. The caller then counts what the receivers got for the
 * accepted keys: an alert answered 202 must never be lost.
 */
export async function burstWithKills(
  t: BenchTargets,
  opts: { prefix: string; count: number; senders: number; steps: KillStep[]; retryBudgetMs: number },
): Promise<KillBurstResult> {
  const accepted: string[] = [];
  const refused = new Refusals();
  let retries = 0;
  let notAccepted = 0;
  const started = performance.now();
  const kills: KillBurstResult["kills"] = [];
  let sending = true;
  const killer = (async () => {
    for (const step of opts.steps) {
      while (accepted.length < step.afterAccepted && sending) await new Promise((r) => setTimeout(r, 20));
      const acceptedBefore = accepted.length;
      const atSeconds = (performance.now() - started) / 1000;
      kills.push({ ...(await step.kill()), acceptedBefore, atSeconds });
    }
  })();
  const acceptMs = await pool(opts.count, opts.senders, async (i) => {
    const key = `${opts.prefix}-${i}`;
    const giveUpAt = performance.now() + opts.retryBudgetMs;
    for (let attempt = 0; ; attempt++) {
      const status = await fetch(`${t.base}/api/alerts/${t.storm}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ key, status: "error", summary: `bench ${key}` }),
        signal: AbortSignal.timeout(30_000),
      }).then(
        async (r) => {
          const text = await r.text();
          if (r.status !== 202) refused.note(r.status, text);
          return r.status;
        },
        (error: unknown) => {
          refused.note(0, error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error));
          return 0;
        },
      );
      if (status === 202) {
        accepted.push(key);
        return;
      }
      if (performance.now() > giveUpAt) {
        notAccepted++;
        return;
      }
      retries++;
      // A sender's backoff: 0.25 s doubling to 4 s.
      await new Promise((r) => setTimeout(r, Math.min(4000, 250 * 2 ** attempt)));
    }
  });
  sending = false;
  await killer;
  return { accepted, notAccepted, retries, refused, acceptSeconds: acceptMs / 1000, kills };
}
