import { grants, type Access } from "~/core/accounts/access";
import type { RunChangeBus } from "./run-change-bus";

/** Who opens the stream: the workspace the session acts in and the role held there. */
export interface StreamCaller {
  workspaceId: string;
  role: Access;
}

/** A comment line every so often keeps proxies and load balancers from closing an idle stream. */
const HEARTBEAT_MS = 20_000;
/** How long the browser waits before reconnecting a dropped stream (EventSource reconnects by itself). */
const RETRY_MS = 3_000;

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

const refuse = (status: number, message: string) =>
  Response.json({ error: { code: status === 401 ? "UNAUTHORIZED" : "FORBIDDEN", message } }, { status });

/**
 * Server-sent events of the caller's workspace: `run` for each change (run id, status and level;
 * run id null means "refetch everything"), `ready` once the server listens, so a client that
 * connects or reconnects knows to catch up. Nothing from another workspace, nothing from the alert.
 */
export async function runEventsResponse(
  caller: StreamCaller,
  bus: RunChangeBus,
  signal: AbortSignal,
  heartbeatMs = HEARTBEAT_MS,
): Promise<Response> {
  if (caller.role === "anonymous") return refuse(401, "Sign in to follow runs.");
  if (!grants(caller.role, "viewer")) return refuse(403, "You are not a member of this workspace.");

  const encoder = new TextEncoder();
  let stop: (() => void) | undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop?.();
        }
      };
      send(`retry: ${RETRY_MS}\n\n`);
      const unsubscribe = await bus.subscribe(caller.workspaceId, (change) => send(sse("run", change)));
      const ping = setInterval(() => send(": ping\n\n"), heartbeatMs);
      stop = () => {
        if (!open) return;
        open = false;
        clearInterval(ping);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      signal.addEventListener("abort", stop, { once: true });
      if (signal.aborted) stop();
      send(sse("ready", {}));
    },
    cancel() {
      stop?.();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      // nginx: pass each event on at once instead of buffering the response.
      "x-accel-buffering": "no",
    },
  });
}
