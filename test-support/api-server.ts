import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Auth } from "~/server/auth/auth";
import { identify } from "~/server/auth/identity";
import { contextForIdentity, createContextInner, type Context } from "~/server/context";
import { healthResponse } from "~/server/http/health";
import { handleTrpcRequest } from "~/server/http/trpc-endpoint";
import { handleAlertRequest } from "~/server/inbound/handle-alert-request";
import type { InboundRateLimit } from "~/server/inbound/inbound-rate-limit";
import { apiClient } from "~/e2e/api-client";
import { TEST_KEYRING, type Harness } from "./harness";
import { listeningPort } from "./listening-port";

/**
 * The app's HTTP API on a loopback port: the same handlers the Next.js routes call (tRPC,
 * inbound alerts, health) behind a plain node:http server, so hostile-input tests send real
 * requests without a production build.
 */
export interface ApiServer {
  url: string;
  close: () => Promise<void>;
}

function streamOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      req.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
      req.on("end", () => controller.close());
      req.on("error", (error) => controller.error(error));
    },
    cancel() {
      req.destroy();
    },
  });
}

function toRequest(req: IncomingMessage, base: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  // Node's fetch needs `duplex` for a streamed body; the DOM typings do not know it yet.
  const init: RequestInit & { duplex: "half" } = {
    method,
    headers,
    body: hasBody ? streamOf(req) : undefined,
    duplex: "half",
  };
  return new Request(new URL(req.url ?? "/", base), init);
}

async function send(res: ServerResponse, response: Response) {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** A typed client of the test API server, which acts as the harness's owner whatever the request says. */
export const apiServerClient = (server: ApiServer) => apiClient(server.url, "");

export interface ApiServerOptions {
  /** Identify callers as the app does (session cookie or API token) instead of acting as the harness's owner. */
  auth?: Auth;
  /** The inbound endpoints' per-token limit, as the route passes it from the environment; none when absent. */
  inboundRateLimit?: InboundRateLimit;
  /** Without `auth`: who every caller is taken for (default the harness's owner). */
  caller?: { role: Context["role"]; name: string };
}

export async function startApiServer(h: Harness, options: ApiServerOptions = {}): Promise<ApiServer> {
  const { auth } = options;
  const createContext = async ({ req, resHeaders }: { req: Request; resHeaders: Headers }): Promise<Context> =>
    createContextInner({
      db: h.db,
      temporal: h.client,
      taskQueue: h.taskQueue,
      ...(auth
        ? await contextForIdentity(h.db, await identify(auth, h.db, req.headers, resHeaders))
        : {
            workspaceId: h.workspaceId,
            role: options.caller?.role ?? "owner",
            actor: { userId: null, name: options.caller?.name ?? "operator" },
          }),
      keyring: TEST_KEYRING,
      outboundAllowList: ["127.0.0.1", "localhost"],
      auth,
      resHeaders,
    });
  // The server's own address, known once it listens: the origin its "pages" would send.
  const trusted: string[] = [];
  const route = (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith("/api/trpc/")) {
      return handleTrpcRequest(request, createContext, { trustedOrigins: trusted });
    }
    if (pathname === "/api/health") return healthResponse({ db: h.db, temporal: h.client });
    const alert = /^\/api\/alerts\/([^/]+)$/.exec(pathname);
    if (alert?.[1] && request.method === "POST") {
      const deps = { ...h.inbound, rateLimit: options.inboundRateLimit };
      return handleAlertRequest(deps, decodeURIComponent(alert[1]), request);
    }
    return Promise.resolve(Response.json({ error: "not_found" }, { status: 404 }));
  };

  const server = createServer((req, res) => {
    const base = `http://${req.headers.host ?? "127.0.0.1"}`;
    route(toRequest(req, base))
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        // What Next.js would answer for an uncaught error: a bare 500.
        console.error(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = listeningPort(server);
  trusted.push(`http://127.0.0.1:${port}`);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
