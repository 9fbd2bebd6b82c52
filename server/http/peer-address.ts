import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import { IncomingMessage } from "node:http";

declare global {
  // One name per process, shared by the instrumentation hook and the route bundles that read it.
  var alertflowPeerAddressHeader: string | undefined;
  var alertflowStampingPeerAddress: boolean | undefined;
}

/**
 * The request header that carries the address of the request's TCP peer. Next.js's route
 * handlers see a Request without its socket, and Next keeps an X-Forwarded-For the client sent,
 * so without this nothing in a handler says who really connected. The name is random per process:
 * a client cannot send it, so a request that arrives before the stamping starts (while the
 * server boots) has no such header rather than one the client chose.
 */
export function peerAddressHeader(): string {
  globalThis.alertflowPeerAddressHeader ??= `x-alertflow-peer-${randomBytes(12).toString("hex")}`;
  return globalThis.alertflowPeerAddressHeader;
}

/**
 * Writes every incoming request's socket address into `peerAddressHeader()`, in every node:http
 * server of this process, before the server's own handler (Next.js) reads the headers: Node
 * publishes `http.server.request.start` just before the 'request' event.
 */
export function stampPeerAddress(): void {
  if (globalThis.alertflowStampingPeerAddress) return;
  globalThis.alertflowStampingPeerAddress = true;
  const header = peerAddressHeader();
  subscribe("http.server.request.start", (message) => {
    const request = typeof message === "object" && message !== null ? Reflect.get(message, "request") : undefined;
    if (!(request instanceof IncomingMessage)) return;
    const address = request.socket.remoteAddress;
    if (address) request.headers[header] = address;
    else delete request.headers[header];
  });
}
