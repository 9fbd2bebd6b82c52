import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { contentSecurityPolicy, securityHeaders } from "~/core/http/security-headers";
import { alertToken } from "~/server/http/alert-path";
import { sendWebResponse, webRequest } from "~/server/http/node-web-adapter";
import { backgroundStartsFor } from "~/server/inbound/background-start";
import { handleAlertRequest, type InboundDeps } from "~/server/inbound/handle-alert-request";

/** What Next.js puts on an API answer: next.config.ts's headers and proxy.ts's policy for the API. */
const API_HEADERS = [
  ...securityHeaders(),
  { key: "Content-Security-Policy", value: contentSecurityPolicy({ development: false }) },
];

/** Answers one alert request; a thrown error is a bare 500, as Next.js answers one (and logs it). */
async function answerAlert(deps: InboundDeps, req: IncomingMessage, res: ServerResponse, token: string) {
  try {
    const request = webRequest(req, `http://${req.headers.host ?? "localhost"}`);
    const response = await handleAlertRequest(deps, token, request);
    if (!req.complete) stopReading(req, res, request);
    await sendWebResponse(res, response, API_HEADERS);
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, Object.fromEntries(API_HEADERS.map((h) => [h.key, h.value])));
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
function stopReading(req: IncomingMessage, res: ServerResponse, request: Request) {
  // Unlocked: the handler never read it (the 413 of a declared length, a 401); its reader cancelled itself otherwise.
  if (request.body && !request.body.locked) void request.body.cancel().catch(() => undefined);
  req.pause();
  res.setHeader("connection", "close");
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
