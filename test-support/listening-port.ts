import type { AddressInfo } from "node:net";

/**
 * The TCP port a server listens on (node:http, node:net or an SMTP server's `.server`). A server
 * not listening, or on a pipe, has none: that is a broken test set-up, so it throws.
 */
export function listeningPort(server: { address(): AddressInfo | string | null }): number {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the server is not listening on a TCP port");
  return address.port;
}
