import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STORED_REQUEST_BODY_BYTES, STORED_RESPONSE_BODY_BYTES } from "~/core/delivery/stored-body";
import { hostileInput, integration, send } from "~/test-support/send-harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { listeningPort } from "~/test-support/listening-port";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");
const MARKER_ROOM = 64;
const FIFTY_MB = 50 * 1024 * 1024;

/** A receiver that answers 50 MB, written as the client reads, counting what it could write. */
let huge: { url: string; written: () => number; close: () => Promise<void> };
let echo: Receiver;

beforeAll(async () => {
  let written = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(500, { "content-type": "text/plain", "content-length": String(FIFTY_MB) });
      const chunk = Buffer.alloc(64 * 1024, "e");
      const pump = () => {
        while (written < FIFTY_MB && !res.destroyed) {
          written += chunk.byteLength;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => undefined);
      pump();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  huge = {
    url: `http://127.0.0.1:${listeningPort(server)}`,
    written: () => written,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  echo = await startReceiver();
});
afterAll(async () => {
  await huge?.close();
  await echo?.close();
});

describe("what a delivery stores of its bodies", () => {
  it("stops reading a 50 MB answer and stores 4 KiB of it with a marker", async () => {
    const result = await send(integration("webhook", { ApiUrl: huge.url }), "error");
    expect(result).toMatchObject({ ok: false, status: 500, retryable: true });
    const body = result.response?.body ?? "";
    expect(bytes(body)).toBeLessThanOrEqual(STORED_RESPONSE_BODY_BYTES + MARKER_ROOM);
    expect(body).toMatch(/\n… \[truncated, more than 1048576 bytes\]$/);
    expect(JSON.stringify(result.steps).length).toBeLessThan(2 * STORED_RESPONSE_BODY_BYTES + 10_000);
    // Reading stopped: the receiver could not hand over anything near its 50 MB.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(huge.written()).toBeLessThan(16 * 1024 * 1024);
  });

  it("sends a huge message whole and stores 64 KiB of it with its full size", async () => {
    const input = hostileInput("error");
    const description = "d".repeat(200 * 1024);
    const result = await send(integration("webhook", { ApiUrl: echo.url }), "error", {
      ...input,
      alert: { ...input.alert, description },
    });
    expect(result.error).toBeUndefined();
    const sent = echo.requests.at(-1)?.body ?? "";
    expect(sent).toContain(description);
    const stored = result.request?.body ?? "";
    expect(bytes(stored)).toBeLessThanOrEqual(STORED_REQUEST_BODY_BYTES + MARKER_ROOM);
    expect(stored.endsWith(`\n… [truncated, ${bytes(sent)} bytes]`)).toBe(true);
    expect(sent.startsWith(stored.slice(0, stored.indexOf("\n… [truncated")))).toBe(true);
  });
});
