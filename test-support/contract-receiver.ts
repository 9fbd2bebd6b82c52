import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** A real HTTP server on 127.0.0.1 standing in for a receiver in tests. */
export interface ReceivedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | object;
}

export interface Receiver {
  /** Base URL, no trailing slash. */
  url: string;
  requests: ReceivedRequest[];
  /** Contract violations the handler threw; the client got a 400 for each. */
  violations: string[];
  close(): Promise<void>;
}

export async function startReceiver(handle: (req: ReceivedRequest) => Reply | Promise<Reply>): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const violations: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const received = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(received);
      Promise.resolve()
        .then(() => handle(received))
        .then(
          (reply) => {
            const body = typeof reply.body === "object" ? JSON.stringify(reply.body) : (reply.body ?? "");
            const type = typeof reply.body === "object" ? { "Content-Type": "application/json" } : {};
            res.writeHead(reply.status, { ...type, ...reply.headers }).end(body);
          },
          (error: unknown) => {
            const message = error instanceof Error ? error.message : String(error);
            violations.push(`${received.method} ${received.url}: ${message}`);
            res.writeHead(400, { "Content-Type": "text/plain" }).end(`contract violation: ${message}`);
          },
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address: AddressInfo | string | null = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function header(req: ReceivedRequest, name: string): string {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
}

/** Throws unless the request is JSON; returns the parsed body. */
export function jsonBody(req: ReceivedRequest): unknown {
  if (!header(req, "content-type").startsWith("application/json"))
    throw new Error(`content-type is "${header(req, "content-type")}"`);
  return JSON.parse(req.body);
}
