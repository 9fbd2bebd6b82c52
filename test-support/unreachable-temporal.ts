import type { Client } from "@temporalio/client";
import { createBackgroundStarts } from "~/server/inbound/background-start";
import type { InboundDeps } from "~/server/inbound/handle-alert-request";
import { createTemporalClient } from "~/server/temporal-client";

/** Longer than the SDK's gRPC retries of one call take to give up (3 tries, about 0.1 and 0.2 s apart). */
const SDK_RETRIES_MS = 1_000;

export interface UnreachableTemporal {
  client: Client;
  /** The alert endpoint's deps with this Temporal, and a start queue of its own. */
  inbound(deps: InboundDeps): InboundDeps;
  /** Waits for the starts in flight and the SDK's retry timers, then closes the connection. */
  close(): Promise<void>;
}

/**
 * A Temporal client as the web server builds it (a lazy connection), aimed at a port nothing
 * listens on. Its incidents' background starts are tried once: what follows a failed start is the
 * worker's re-start job, which the tests run themselves. Closing waits for those starts: the SDK
 * retries a failed call on a timer it cannot cancel, and a retry that fires on a closed channel
 * throws from that timer, outside any test ("Channel has been shut down"), which fails the run.
 */
export function unreachableTemporal(): UnreachableTemporal {
  const client = createTemporalClient("127.0.0.1:1", "default");
  const starts = createBackgroundStarts({ retryDelaysMs: [] });
  return {
    client,
    inbound: (deps) => ({ ...deps, temporal: client, starts }),
    async close() {
      await starts.settled();
      await new Promise((resolve) => setTimeout(resolve, SDK_RETRIES_MS));
      await client.connection.close();
    },
  };
}
