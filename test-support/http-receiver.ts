import { createServer, type IncomingHttpHeaders } from "node:http";
import { listeningPort } from "./listening-port";

/** What the receiver got. */
export interface ReceivedRequest {
  /** Date.now() when the body had arrived. */
  at: number;
  method: string;
  /** Path and query, as Node's `req.url` gives them. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON; null when it is not JSON. */
  json: unknown;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON. */
  body?: string | object;
}

/** Answers a request; throwing marks a contract violation, answered with 400 and recorded. */
export type ReceiverScript = (req: ReceivedRequest, index: number) => Reply | Promise<Reply>;

export interface Receiver {
  /** Base URL, no trailing slash. */
  url: string;
  requests: ReceivedRequest[];
  /** Contract violations the script threw; the client got a 400 for each. */
  violations: string[];
  /** Resolves once `count` requests have arrived in total. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const parseJson = (body: string): unknown => {
  try {
    return body ? JSON.parse(body) : null;
  } catch {
    return null;
  }
};

/** A real HTTP server on 127.0.0.1 standing in for a receiver in tests: records, then answers. */
export async function startReceiver(script: ReceiverScript = () => ({ status: 200, body: "ok" })): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const violations: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const received: ReceivedRequest = {
        at: Date.now(),
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body,
        json: parseJson(body),
      };
      const index = requests.push(received) - 1;
      for (const w of waiters.filter((w) => requests.length >= w.count)) w.resolve();
      Promise.resolve()
        .then(() => script(received, index))
        .then(
          (reply) => {
            const json = typeof reply.body === "object";
            const type = json ? "application/json" : "text/plain";
            res
              .writeHead(reply.status, { "Content-Type": type, ...reply.headers })
              .end(json ? JSON.stringify(reply.body) : (reply.body ?? ""));
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
  return {
    url: `http://127.0.0.1:${listeningPort(server)}`,
    requests,
    violations,
    waitFor(count, timeoutMs = 30_000) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`receiver got ${requests.length} of ${count} requests in ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
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
