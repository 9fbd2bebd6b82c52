import { getKeyring } from "./keyring";
import { SecretKeyError } from "./secret-keyring";

/**
 * Loads the secret keyring at start-up, so a production server without ALERTFLOW_SECRET_KEY (or
 * with an unreadable key file) stops with one clear message instead of failing on the first
 * request that touches an integration.
 */
export function stopWithoutKey(): void {
  try {
    getKeyring();
  } catch (error) {
    if (!(error instanceof SecretKeyError)) throw error;
    console.error(`alertflow: ${error.message}`);
    // A configuration error: exit with EX_CONFIG so a supervisor can tell it from a crash.
    process.exit(78);
  }
}
