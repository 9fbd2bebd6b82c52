/** Runs once when the Next.js server starts. */
export async function register() {
  // The Node-only check sits behind this test in its own module, so the Edge bundle of this file
  // (which Next.js also compiles) holds no process.exit. `next build` loads it too; only a
  // running server needs the key.
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { stopWithoutKey } = await import("./server/security/stop-without-key");
    stopWithoutKey();
    // Sign-in limits count per client: the socket's peer, unless TRUSTED_PROXY_HEADERS says otherwise.
    const { stampPeerAddress } = await import("./server/http/peer-address");
    stampPeerAddress();
  }
}
