import type { LimitedBody } from "../http/read-limited-body";

/**
 * What the alert handler needs of a request, whichever server received it: the front server
 * reads it straight from node:http, the Next.js route from a web `Request`. Building a web
 * `Request` and `Response` around each alert cost the front server more CPU than the handler.
 */
export interface AlertRequest {
  /** A header's value (repeated ones joined by ", "), or null; `name` in lower case. */
  header(name: string): string | null;
  /** Reads at most `limit` bytes of the body (a bigger one is refused unread); null: it has none. */
  readBody(limit: number): Promise<LimitedBody | null>;
}

/** The handler's answer: always JSON text, with its own headers (content type, Retry-After…). */
export interface AlertAnswer {
  status: number;
  body: string;
  headers: Readonly<Record<string, string>>;
}
