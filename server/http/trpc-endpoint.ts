import "server-only";
import { fetchRequestHandler, type FetchCreateContextFnOptions } from "@trpc/server/adapters/fetch";
import { wireTransformer } from "~/core/wire/wire-transformer";
import type { Context } from "../context";
import { appRouter } from "../routers/_app";
import { readLimitedBody } from "./read-limited-body";

/**
 * The largest tRPC request body. The biggest legitimate one is a template import: a file of at
 * most 1 MB sent as a JSON string, whose escaping can nearly double it.
 */
export const MAX_TRPC_BODY_BYTES = 2 * 1024 * 1024;
/** The UI batches the queries of one page; no page needs more. */
export const MAX_TRPC_BATCH = 50;

const ENDPOINT = "/api/trpc";

/** A 413 in tRPC's error shape, one entry per call of a batch, so the client can read it. */
function tooLarge(request: Request, limit: number): Response {
  const url = new URL(request.url);
  const paths = url.pathname.slice(ENDPOINT.length + 1).split(",");
  const error = (path: string) => ({
    error: wireTransformer.output.serialize({
      message: `The request body is larger than ${limit} bytes`,
      code: -32600,
      data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, path },
    }),
  });
  const body = url.searchParams.get("batch") === "1" ? paths.map(error) : error(paths[0] ?? "");
  return Response.json(body, { status: 413 });
}

/** `/api/trpc/*` over HTTP: the body limit, then tRPC's fetch adapter. */
export async function handleTrpcRequest(
  request: Request,
  createContext: (opts: FetchCreateContextFnOptions) => Promise<Context>,
): Promise<Response> {
  let req = request;
  if (request.method !== "GET" && request.method !== "HEAD") {
    const body = await readLimitedBody(request, MAX_TRPC_BODY_BYTES);
    if (body.kind === "too_large") return tooLarge(request, body.limit);
    req = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body: new Uint8Array(body.bytes),
    });
  }
  return fetchRequestHandler({
    endpoint: ENDPOINT,
    req,
    router: appRouter,
    createContext,
    maxBatchSize: MAX_TRPC_BATCH,
    onError({ error, path }) {
      // The client gets a bare "Internal server error" in production; the log keeps the cause.
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}
