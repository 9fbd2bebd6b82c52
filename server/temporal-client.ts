import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from "@temporalio/client";
import { env } from "./env";
import { temporalConnectionOptions } from "./temporal-connection";

declare global {
  // One lazy connection per process; Next.js hot reloads must not open new ones.
  var alertflowTemporal: { address: string; client: Client } | undefined;
}

/**
 * A Temporal server that is down answers UNAVAILABLE at once, and the SDK's default retries keep
 * the caller waiting about 20 s for it (19.6 s was measured on the inbound endpoint). Three tries
 * ride out a blip; after that the caller hears "unavailable" and an alert sender retries later.
 */
const briefRetry = makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 3 }));

/**
 * The web server's client: lazy (the server may start before Temporal) and quick to give up.
 * TLS and the API key come from the environment (see temporal-connection.ts).
 */
export function createTemporalClient(address: string, namespace: string): Client {
  return new Client({
    connection: Connection.lazy({ ...temporalConnectionOptions(env, address), interceptors: [briefRetry] }),
    namespace,
  });
}

export function getTemporalClient(address: string, namespace: string): Client {
  const cached = globalThis.alertflowTemporal;
  if (cached && cached.address === address) return cached.client;
  const client = createTemporalClient(address, namespace);
  globalThis.alertflowTemporal = { address, client };
  return client;
}
