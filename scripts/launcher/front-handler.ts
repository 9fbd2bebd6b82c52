import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { contentSecurityPolicy, securityHeaders } from "~/core/http/security-headers";
import { alertToken } from "~/server/http/alert-path";
import { readNodeBody } from "~/server/http/read-node-body";
import type { AlertRequest } from "~/server/inbound/alert-exchange";
import { backgroundStartsFor } from "~/server/inbound/background-start";
import { answerAlertRequest, type InboundDeps } from "~/server/inbound/handle-alert-request";

/**
 * What Next.js puts on an API answer: next.config.ts's headers and proxy.ts's policy for the API.
 * Names in lower case, so an answer's own header replaces one of these rather than doubling it.
 */
const API_HEADERS: Readonly<Record<string, string>> = Object.fromEntries(
  [...securityHeaders(), { key: "Content-Security-Policy", value: contentSecurityPolicy({ development: false }) }].map(
    ({ key, value }) => [key.toLowerCase(), value],
  ),
);

/** The alert request straight from node:http: no web Request, Headers or body stream is built. */
function alertRequest(req: IncomingMessage): AlertRequest {
  return {
    header: (name) => {
      const value = req.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    readBody: (limit) => readNodeBody(req, limit),
  };
}

/** Answers one alert request; a thrown error is a bare 500, as Next.js answers one (and logs it). */
async function answerAlert(deps: InboundDeps, req: IncomingMessage, res: ServerResponse, token: string) {
  try {
    const answer = await answerAlertRequest(deps, token, alertRequest(req));
    const headers: Record<string, string> = {
      ...API_HEADERS,
      ...answer.headers,
      "content-length": String(Buffer.byteLength(answer.body)),
    };
    if (!req.complete) stopReading(req, headers);
    res.writeHead(answer.status, headers).end(answer.body);
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, API_HEADERS);
    res.end();
  }
}

/**
 * Answered before its body ended: over the size limit (413), or refused before reading it (401,
 * 409, 429). Reading on would take in whatever the sender still streams, for as long as it
 * streams (a chunked body has no end to wait for), to keep a connection alive for nobody: the
 * body stops being read here (Node buffers one window more), the answer says `Connection: close`,
 * and Node closes the socket once the answer is out.
 */
function stopReading(req: IncomingMessage, headers: Record<string, string>) {
  req.pause();
  headers.connection = "close";
}

/**
 * The front server's request listener: `POST /api/alerts/<token>` answered here by the same
 * handler as the Next.js route, everything else by `rest` (Next.js), an alert path with a broken
 * %-escape included (proxy.ts answers it 400). `drain` waits for the alerts being answered.
 */
export function frontHandler(deps: () => InboundDeps, rest: RequestListener) {
  const inFlight = new Set<Promise<void>>();
  const listener: RequestListener = (req, res) => {
    const pathname = (req.url ?? "/").split("?", 1)[0] ?? "/";
    const token = alertToken(req.method ?? "GET", pathname);
    if (token === null) {
      rest(req, res);
      return;
    }
    const answering = answerAlert(deps(), req, res, token);
    inFlight.add(answering);
    void answering.finally(() => inFlight.delete(answering));
  };
  return {
    listener,
    inFlight: () => inFlight.size,
    /**
     * Waits, `timeoutMs` at most, for the alerts being answered, then for the workflow starts they
     * queued after their 202 (background-start.ts; the worker's re-start job owns any left over).
     */
    drain: async (timeoutMs: number) => {
      const timeout = new Promise((r) => setTimeout(r, timeoutMs).unref());
      const { temporal, starts } = deps();
      const queued = starts ?? backgroundStartsFor(temporal);
      await Promise.race([Promise.allSettled([...inFlight]).then(() => queued.settled()), timeout]);
    },
  };
}
