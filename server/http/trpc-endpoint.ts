import "server-only";
import { fetchRequestHandler, type FetchCreateContextFnOptions } from "@trpc/server/adapters/fetch";
import { wireTransformer } from "~/core/wire/wire-transformer";
import type { Context } from "../context";
import { appRouter } from "../routers/_app";
import { isForgeable } from "~/core/http/request-provenance";
import { readLimitedBody } from "./read-limited-body";
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailable } from "./database-unavailable";

/**
 * The largest tRPC request body. The biggest legitimate one is a template import: a file of at
 * most 1 MB sent as a JSON string, whose escaping can nearly double it.
 */
export const MAX_TRPC_BODY_BYTES = 2 * 1024 * 1024;
/** The UI batches the queries of one page; no page needs more. */
export const MAX_TRPC_BATCH = 50;

const ENDPOINT = "/api/trpc";

/** An error in tRPC's shape, one entry per call of a batch, so the client can read it. */
function trpcError(
  request: Request,
  refusal: { status: number; rpcCode: number; code: string; message: string },
): Response {
  const url = new URL(request.url);
  const paths = url.pathname.slice(ENDPOINT.length + 1).split(",");
  const error = (path: string) => ({
    error: wireTransformer.output.serialize({
      message: refusal.message,
      code: refusal.rpcCode,
      data: { code: refusal.code, httpStatus: refusal.status, path },
    }),
  });
  const body = url.searchParams.get("batch") === "1" ? paths.map(error) : error(paths[0] ?? "");
  return Response.json(body, { status: refusal.status });
}

export interface TrpcEndpointOptions {
  /** Origins whose pages may send cookie-authenticated mutations (the public URL's). */
  trustedOrigins: readonly string[];
}

/** `/api/trpc/*` over HTTP: the cross-site check, the body limit, then tRPC's fetch adapter. */
export async function handleTrpcRequest(
  request: Request,
  createContext: (opts: FetchCreateContextFnOptions) => Promise<Context>,
  options: TrpcEndpointOptions,
): Promise<Response> {
  if (isForgeable(request.method, request.headers, options.trustedOrigins)) {
    return trpcError(request, {
      status: 403,
      rpcCode: -32003,
      code: "FORBIDDEN",
      message: "Cross-site request refused: the session cookie is only accepted from Alertflow's own pages",
    });
  }
  let req = request;
  if (request.method !== "GET" && request.method !== "HEAD") {
    const body = await readLimitedBody(request, MAX_TRPC_BODY_BYTES);
    if (body.kind === "too_large") {
      return trpcError(request, {
        status: 413,
        rpcCode: -32600,
        code: "PAYLOAD_TOO_LARGE",
        message: `The request body is larger than ${body.limit} bytes`,
      });
    }
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
    // Who is asking is read from the database too: an outage there is a 503 as well.
    createContext: async (opts) => {
      try {
        return await createContext(opts);
      } catch (error) {
        throw databaseUnavailable(error) ?? error;
      }
    },
    maxBatchSize: MAX_TRPC_BATCH,
    responseMeta({ errors }) {
      const unavailable = errors.some((e) => e.code === "SERVICE_UNAVAILABLE");
      return unavailable ? { headers: { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } } : {};
    },
    onError({ error, path }) {
      // The client gets a bare "Internal server error" in production; the log keeps the cause.
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
      if (error.code === "SERVICE_UNAVAILABLE") {
        // The driver's error, not drizzle's wrapper (which quotes the whole query).
        let cause: unknown = error.cause;
        while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
        console.warn(`tRPC ${path ?? "?"}: database unavailable (${cause instanceof Error ? cause.message : ""})`);
      }
    },
  });
}
