import { readFileSync } from "node:fs";
import type { Env } from "./env";

export interface TemporalConnectionOptions {
  address: string;
  tls?: {
    serverNameOverride?: string;
    serverRootCACertificate?: Buffer;
    clientCertPair?: { crt: Buffer; key: Buffer };
  };
  apiKey?: string;
}

/** The settings that say how to reach Temporal (see temporalConnectionOptions). */
export type TemporalConnectionEnv = Pick<
  Env,
  | "TEMPORAL_ADDRESS"
  | "TEMPORAL_TLS"
  | "TEMPORAL_TLS_CERT_PATH"
  | "TEMPORAL_TLS_KEY_PATH"
  | "TEMPORAL_TLS_CA_PATH"
  | "TEMPORAL_TLS_SERVER_NAME"
  | "TEMPORAL_API_KEY"
>;

/**
 * How the web server and the workers reach Temporal: plain gRPC to a dev server, mTLS with a
 * client certificate to a self-hosted cluster or Temporal Cloud, or TLS with a Cloud API key.
 * The same object fits the client's `Connection` and the worker's `NativeConnection`.
 */
export function temporalConnectionOptions(
  env: TemporalConnectionEnv,
  address = env.TEMPORAL_ADDRESS,
): TemporalConnectionOptions {
  const certPair =
    env.TEMPORAL_TLS_CERT_PATH && env.TEMPORAL_TLS_KEY_PATH
      ? { crt: readFileSync(env.TEMPORAL_TLS_CERT_PATH), key: readFileSync(env.TEMPORAL_TLS_KEY_PATH) }
      : undefined;
  const useTls =
    env.TEMPORAL_TLS === "true" ||
    (env.TEMPORAL_TLS !== "false" && (certPair !== undefined || env.TEMPORAL_API_KEY !== undefined));
  return {
    address,
    ...(useTls
      ? {
          tls: {
            ...(certPair ? { clientCertPair: certPair } : {}),
            ...(env.TEMPORAL_TLS_CA_PATH ? { serverRootCACertificate: readFileSync(env.TEMPORAL_TLS_CA_PATH) } : {}),
            ...(env.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME } : {}),
          },
        }
      : {}),
    ...(env.TEMPORAL_API_KEY ? { apiKey: env.TEMPORAL_API_KEY } : {}),
  };
}
