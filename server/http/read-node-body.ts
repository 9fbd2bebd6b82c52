import type { IncomingMessage } from "node:http";
import type { LimitedBody } from "./read-limited-body";

/**
 * Reads at most `limit` bytes of a node:http request's body, without a web stream in between. A
 * declared length over the limit is refused before reading; a body that grows past it while read
 * is refused at once: the request is paused with the rest unread, and its server closes the
 * connection with the answer (front-handler.ts), so a sender streaming on ties up nothing.
 */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<LimitedBody> {
  if (Number(req.headers["content-length"] ?? "0") > limit) return Promise.resolve({ kind: "too_large", limit });
  return new Promise((resolve, reject) => {
    // The sender went away before the handler got to its body (the request is destroyed quietly
    // when nobody listened for its error): no end will come.
    if (req.destroyed) {
      reject(new Error("The request was aborted before its body was read"));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
    function onData(chunk: Buffer) {
      size += chunk.length;
      if (size > limit) {
        stop();
        req.pause();
        resolve({ kind: "too_large", limit });
        return;
      }
      chunks.push(chunk);
    }
    function onEnd() {
      stop();
      resolve({ kind: "ok", bytes: chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size) });
    }
    function onError(error: Error) {
      stop();
      reject(error);
    }
    function onClose() {
      stop();
      reject(new Error("The request was aborted while its body was read"));
    }
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}
