/**
 * Where `npm run dev` listens: loopback unless HOST says otherwise. A development instance has
 * a demo owner, printed endpoint tokens and verbose errors; it is not for the network by default.
 */
export const DEV_DEFAULT_HOST = "127.0.0.1";

export function devHost(hostVariable: string | undefined): string {
  return hostVariable?.trim() || DEV_DEFAULT_HOST;
}

/** The address to probe for a server listening on `host` (a wildcard answers on loopback too). */
export const probeHost = (host: string) => (["0.0.0.0", "::", "[::]"].includes(host) ? "127.0.0.1" : host);

/**
 * The address the dev app is opened at, unless PUBLIC_URL says otherwise: sign-in and changes are
 * accepted only from that origin (and its localhost/127.0.0.1 twin), so it must carry the port.
 */
export function devPublicUrl(publicUrlVariable: string | undefined, port: number): string {
  return publicUrlVariable?.trim() || `http://localhost:${port}`;
}
