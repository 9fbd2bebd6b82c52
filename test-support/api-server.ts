import { createServer } from "node:http";
import type { Auth } from "~/server/auth/auth";
import { identify } from "~/server/auth/identity";
import { contextForIdentity, createContextInner, type Context } from "~/server/context";
import { healthResponse } from "~/server/http/health";
import { alertToken } from "~/server/http/alert-path";
import { sendWebResponse, webRequest } from "~/server/http/node-web-adapter";
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
    const token = alertToken(request.method, pathname);
    if (token !== null) {
      const deps = { ...h.inbound, rateLimit: options.inboundRateLimit };
      return handleAlertRequest(deps, token, request);
    }
    return Promise.resolve(Response.json({ error: "not_found" }, { status: 404 }));
  };

  const server = createServer((req, res) => {
    const base = `http://${req.headers.host ?? "127.0.0.1"}`;
    route(webRequest(req, base))
      .then((response) => sendWebResponse(res, response))
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
