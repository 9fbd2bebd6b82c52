import path from "node:path";
import { env } from "../env";
import { loadKeyring } from "./load-keyring";
import type { Keyring } from "./secret-keyring";

let keyring: Keyring | undefined;

/** The process's keyring, loaded once: the server and the worker call it at start-up to fail fast. */
export function getKeyring(): Keyring {
  keyring ??= loadKeyring({
    nodeEnv: env.NODE_ENV,
    secretKey: env.ALERTFLOW_SECRET_KEY,
    previousKeys: env.ALERTFLOW_SECRET_KEY_PREVIOUS,
    keyFile: path.resolve(env.ALERTFLOW_SECRET_KEY_FILE),
  });
  return keyring;
}
