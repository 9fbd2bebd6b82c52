import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The request's body as a web stream. A reader that stops early (a body over the size limit)
 * leaves the rest to be read and dropped: the connection stays usable and the sender still gets
 * the answer (closing a socket with unread data would reset it before the answer is read).
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let stopListening = () => {};
  return new ReadableStream({
    start(controller) {
      req.on("data", onData);
      req.on("end", onEnd);
      req.on("error", onError);
      function onData(chunk: Buffer) {
        controller.enqueue(new Uint8Array(chunk));
      }
      function onEnd() {
        controller.close();
      }
      function onError(error: Error) {
        controller.error(error);
      }
      stopListening = () => {
        req.off("data", onData).off("end", onEnd).off("error", onError);
      };
    },
    cancel() {
      stopListening();
      req.resume();
    },
  });
}

/** A node:http request as a web `Request` (what the app's handlers take), its body streamed. */
export function webRequest(req: IncomingMessage, base: string): Request {
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
    body: hasBody ? bodyOf(req) : undefined,
    duplex: "half",
  };
  return new Request(new URL(req.url ?? "/", base), init);
}

/** Writes a web `Response` (buffered: the handlers using this answer small JSON) with `extra` headers first. */
export async function sendWebResponse(
  res: ServerResponse,
  response: Response,
  extra: readonly { key: string; value: string }[] = [],
): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  for (const { key, value } of extra) res.setHeader(key, value);
  // Headers joins several Set-Cookie into one line; they go out one a line.
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  res.writeHead(response.status).end(body);
}
