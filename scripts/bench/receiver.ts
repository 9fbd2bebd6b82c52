import http from "node:http";
import { listeningPort } from "~/test-support/listening-port";

/**
 * The loopback HTTP receiver the bench's webhook integration points at. It notes when the first
 * message of each alert key arrives (on this process's clock, the same one the senders use), and
 * every arrival per key on the wall clock (to hold against a level's due time in the database)
 * and per `Idempotency-Key` header (the same message sent twice: at least once means it can be).
 */
export async function startBenchReceiver() {
  const firstArrival = new Map<string, number>();
  const wallArrivals = new Map<string, { at: number; idempotencyKey: string }[]>();
  const waiters = new Map<string, () => void>();
  let messages = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const at = performance.now();
      const wall = Date.now();
      messages++;
      const key = /"key":\s*"([^"]+)"/.exec(Buffer.concat(chunks).toString())?.[1] ?? "";
      if (!firstArrival.has(key)) firstArrival.set(key, at);
      const idempotencyKey = req.headers["idempotency-key"];
      const arrival = { at: wall, idempotencyKey: typeof idempotencyKey === "string" ? idempotencyKey : "" };
      wallArrivals.set(key, [...(wallArrivals.get(key) ?? []), arrival]);
      waiters.get(key)?.();
      waiters.delete(key);
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${listeningPort(server)}/hook`,
    messages: () => messages,
    arrivalOf: (key: string) => firstArrival.get(key),
    /** Every message for `key`: when it arrived (wall-clock ms, Date.now()) and its `Idempotency-Key`. */
    arrivalsOf: (key: string): readonly { at: number; idempotencyKey: string }[] => wallArrivals.get(key) ?? [],
    /** Resolves with the first arrival of `key` (at once if it is already in). */
    arrival(key: string): Promise<number> {
      const seen = firstArrival.get(key);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.set(key, () => resolve(firstArrival.get(key) ?? Number.NaN)));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type BenchReceiver = Awaited<ReturnType<typeof startBenchReceiver>>;
