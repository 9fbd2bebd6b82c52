/**
 * Runs once when the Next.js server starts. Loading the secret keyring here makes a production
 * server without ALERTFLOW_SECRET_KEY (or with an unreadable key file) stop at start-up with one
 * clear message, instead of failing on the first request that touches an integration.
 */
export async function register() {
  // `next build` may load this too; only a running server needs the key.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getKeyring } = await import("./server/security/keyring");
  const { SecretKeyError } = await import("./server/security/secret-keyring");
  try {
    getKeyring();
  } catch (error) {
    if (!(error instanceof SecretKeyError)) throw error;
    console.error(`alertflow: ${error.message}`);
    // A configuration error: exit with EX_CONFIG so a supervisor can tell it from a crash.
    process.exit(78);
  }
}
