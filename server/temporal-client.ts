import { Client, Connection } from "@temporalio/client";

declare global {
  // One lazy connection per process; Next.js hot reloads must not open new ones.
  var alertflowTemporal: { address: string; client: Client } | undefined;
}

export function getTemporalClient(address: string, namespace: string): Client {
  const cached = globalThis.alertflowTemporal;
  if (cached && cached.address === address) return cached.client;
  const client = new Client({ connection: Connection.lazy({ address }), namespace });
  globalThis.alertflowTemporal = { address, client };
  return client;
}
