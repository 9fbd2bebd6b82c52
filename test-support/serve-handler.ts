import { createServer } from "node:http";
import { listeningPort } from "./listening-port";

export type FetchHandler = (request: Request) => Promise<Response>;

export interface ServedHandler {
  /** Base URL, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a fetch-style handler (what a Next.js route calls) over real HTTP on 127.0.0.1, so
 * fake Slack, Twilio and PagerDuty servers can call Alertflow's endpoints the way the real ones do.
 */
export async function serveHandler(handler: FetchHandler): Promise<ServedHandler> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(name, value);
        else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      }
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const request = new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, {
        method: req.method,
        headers,
        body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
      });
      handler(request)
        .then(async (response) => {
          const headersOut: Record<string, string> = {};
          response.headers.forEach((v, k) => {
            headersOut[k] = v;
          });
          res.writeHead(response.status, headersOut);
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((err: unknown) => {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end(err instanceof Error ? err.message : String(err));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${listeningPort(server)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Serves one route whose path `pattern` matches with its one parameter (an integration id, a link
 * token) in the first group, as the Next.js route passes it; any other path is a 404.
 */
export function serveRoute(
  pattern: RegExp,
  handle: (param: string, request: Request) => Promise<Response>,
): Promise<ServedHandler> {
  return serveHandler(async (request) => {
    const param = pattern.exec(new URL(request.url).pathname)?.[1];
    return param ? handle(param, request) : new Response(null, { status: 404 });
  });
}
