import { createDb } from "~/db/client";
import type { Env } from "~/server/env";
import { createBackgroundStarts } from "~/server/inbound/background-start";
import type { InboundDeps } from "~/server/inbound/handle-alert-request";
import { getKeyring } from "~/server/security/keyring";
import { startIngressWorker, type IngressWorkerOptions } from "~/worker/ingress-worker";
import { trackingSends } from "~/worker/activities/sends-in-flight";

export interface EagerIngress {
  /** The alert endpoint's deps: the ingress worker's eager client while it runs, the usual one otherwise. */
  deps: () => InboundDeps;
  /** Stops the ingress worker, if any (the caller's drain waited for the queued starts). */
  stop: () => Promise<void>;
}

/**
 * The front server's alert deps, with ALERTFLOW_EAGER_START: an escalation worker in this process
 * (worker/ingress-worker.ts) and the workflow starts of new incidents made through its client,
 * so Temporal hands their first workflow task straight back here. Off: the deps unchanged.
 *
 * One queue of background starts for both clients, so the shutdown's drain waits for every start
 * whichever client it went through.
 */
export function eagerIngress(
  env: Env,
  baseDeps: () => InboundDeps,
  options: Pick<IngressWorkerOptions, "onStarted" | "log"> = {},
): EagerIngress {
  if (env.ALERTFLOW_EAGER_START !== "true") return { deps: baseDeps, stop: async () => undefined };
  // Its own pool: the workflows' local activities must not queue behind the endpoint's claims.
  const { db, pool } = createDb(env.DATABASE_URL, 10);
  const worker = startIngressWorker({ env, db, keyring: getKeyring(), ...options });
  const starts = createBackgroundStarts();
  let made: { base: InboundDeps; client: unknown; deps: InboundDeps } | undefined;
  return {
    deps() {
      const base = baseDeps();
      const client = worker.client();
      if (made?.base !== base || made.client !== client) {
        // The first messages' sends followed in memory: the adoption, run here, waits for them (sends-in-flight.ts).
        const opener = base.opener && trackingSends(base.opener);
        made = { base, client, deps: { ...base, temporal: client ?? base.temporal, starts, opener } };
      }
      return made.deps;
    },
    async stop() {
      await worker.stop();
      await pool.end();
    },
  };
}
