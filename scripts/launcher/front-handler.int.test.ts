import { randomUUID } from "node:crypto";
import { createServer, request as httpRequest, type Server } from "node:http";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { publishedFlow, runsForFlow, webhook } from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { listeningPort } from "~/test-support/listening-port";
import { handleAlertRequest } from "~/server/inbound/handle-alert-request";
import type { InboundRateLimit } from "~/server/inbound/inbound-rate-limit";
import { nestedJsonText } from "~/test-support/raw-http";
import { frontHandler } from "./front-handler";

/**
 * The production front server's listener over real HTTP, with real Postgres and Temporal behind
 * the alert handler; "Next.js" is a stand-in that says it answered (the e2e suite runs the real one).
 */
const MAX_BODY = 2000;
let h: Harness;
let server: Server;
let front: ReturnType<typeof frontHandler>;
let base: string;
let token: string;
let flowId: string;
let rateLimit: InboundRateLimit | undefined;

beforeAll(async () => {
  h = await createHarness();
  const hook = await webhook(h, `Front ${randomUUID()}`, "http://127.0.0.1:9/unused");
  ({ flowId, token } = await publishedFlow(
    h,
    `Front ${randomUUID()}`,
    singleLevelGraph(hook, { level: 1, afterSeconds: 3600 }),
  ));
  front = frontHandler(
    () => ({ ...h.inbound, maxBodyBytes: MAX_BODY, rateLimit }),
    (req, res) => res.writeHead(299, { "x-answered-by": "next" }).end(`${req.method} ${req.url}`),
  );
  server = createServer(front.listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${listeningPort(server)}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await h?.close();
});

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

it("answers an alert itself, with the API's security headers, and hands every other request to Next.js", async () => {
  const key = `front-${randomUUID()}`;
  const answer = await post(`/api/alerts/${token}`, JSON.stringify({ key, status: "error", summary: "down" }));
  expect(answer.status).toBe(202);
  expect(answer.headers.get("x-answered-by")).toBeNull();
  expect(answer.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  expect(answer.headers.get("x-frame-options")).toBe("DENY");
  expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
  expect((await runsForFlow(h, flowId)).map((r) => r.alertKey)).toContain(key);

  const unknown = await post("/api/alerts/not-a-token", "{}");
  expect([unknown.status, await unknown.json()]).toMatchObject([401, { error: "unauthorized" }]);

  // Pages, other methods, a broken %-escape (proxy.ts answers 400) and deeper paths are Next's.
  for (const [method, path] of [
    ["GET", "/flows"],
    ["GET", `/api/alerts/${token}`],
    ["POST", "/api/alerts/%ff"],
    ["POST", `/api/alerts/${token}/extra`],
    ["POST", "/api/trpc/flows.list"],
  ] as const) {
    const passed = await fetch(`${base}${path}`, { method, body: method === "POST" ? "{}" : undefined });
    expect([passed.status, await passed.text()], `${method} ${path}`).toEqual([299, `${method} ${path}`]);
  }
});

it("replays an Idempotency-Key's answer and passes Retry-After through", async () => {
  const body = JSON.stringify({ key: `idem-${randomUUID()}`, status: "error", summary: "down" });
  const headers = { "idempotency-key": randomUUID() };
  const first = await post(`/api/alerts/${token}`, body, headers);
  const again = await post(`/api/alerts/${token}`, body, headers);
  expect([first.status, again.status]).toEqual([202, 202]);
  expect(again.headers.get("idempotent-replayed")).toBe("true");
  expect(await again.text()).toBe(await first.text());

  rateLimit = { burst: 1, perSecond: 0.01 };
  try {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await post(`/api/alerts/${token}`, body));
    const limited = answers.find((a) => a.status === 429);
    expect(limited?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await limited?.json()).toMatchObject({ error: "rate_limited" });
  } finally {
    rateLimit = undefined;
  }
});

it("refuses a body over the limit with 413, whether its length is declared or streamed", async () => {
  const big = JSON.stringify({ key: "big", status: "error", summary: "x".repeat(MAX_BODY) });
  const declared = await post(`/api/alerts/${token}`, big);
  expect([declared.status, await declared.json()]).toEqual([
    413,
    { error: "body_too_large", message: `The body is larger than ${MAX_BODY} bytes` },
  ]);

  // Chunked, no Content-Length: the handler stops reading midway, and the answer still arrives.
  const streamed = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(`${base}/api/alerts/${token}`, { method: "POST" }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    for (let i = 0; i < 10; i++) req.write("x".repeat(1000));
    req.end();
  });
  expect(streamed.status).toBe(413);
  expect(JSON.parse(streamed.text)).toMatchObject({ error: "body_too_large" });
});

it("stops reading a chunked body streamed on past the limit: 413 naming the limit, then the connection closes", async () => {
  // A raw socket on loopback, as a sender that never stops: 1 KiB chunks every few ms, 4 MiB or 5 s at most.
  let serverSide: Socket | undefined;
  server.once("connection", (socket: Socket) => (serverSide = socket));
  const client = connect(listeningPort(server), "127.0.0.1");
  let answer = "";
  let closed = false;
  client.on("data", (chunk: Buffer) => (answer += chunk.toString()));
  client.on("close", () => (closed = true));
  client.on("error", () => undefined); // EPIPE/ECONNRESET on a write after the server closed.
  client.write(
    `POST /api/alerts/${token} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
  );
  const frame = `400\r\n${"x".repeat(1024)}\r\n`;
  const deadline = Date.now() + 5_000;
  let sent = 0;
  while (!closed && Date.now() < deadline && sent < 4 * 1024 * 1024) {
    if (!client.destroyed) client.write(frame);
    sent += 1024;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  client.destroy();
  expect(closed).toBe(true);
  const [head = "", body = ""] = answer.split("\r\n\r\n");
  expect(head).toMatch(/^HTTP\/1\.1 413 /);
  expect(head).toMatch(/^connection: close$/im);
  // The body may come in chunked framing: its JSON is one chunk.
  expect(body).toContain(
    JSON.stringify({ error: "body_too_large", message: `The body is larger than ${MAX_BODY} bytes` }),
  );
  // What the server took in: the limit and the socket's buffers, not what the sender streamed.
  expect(serverSide?.bytesRead).toBeLessThan(MAX_BODY + 256 * 1024);
  expect(sent).toBeLessThan(1024 * 1024);
}, 15_000);

it("drain waits for an alert still being answered, which then gets its 202", async () => {
  const key = `drain-${randomUUID()}`;
  let status = 0;
  const req = httpRequest(`${base}/api/alerts/${token}`, { method: "POST" }, (res) => {
    status = res.statusCode ?? 0;
    res.resume();
  });
  const answered = new Promise((resolve) => req.on("close", resolve));
  req.write(`{"key":"${key}",`);
  await expect.poll(() => front.inFlight()).toBe(1);
  let drained = false;
  const draining = front.drain(30_000).then(() => (drained = true));
  await new Promise((r) => setTimeout(r, 300));
  expect(drained).toBe(false);
  req.end(`"status":"error","summary":"down"}`);
  await draining;
  await answered;
  expect(status).toBe(202);
  expect((await runsForFlow(h, flowId)).map((r) => r.alertKey)).toContain(key);
});

it("answers hostile input itself with the route's 4xx, naming what is wrong", async () => {
  const cases: { body: string; headers?: Record<string, string>; status: number; error: string; path?: string }[] = [
    { body: "{not json", status: 400, error: "invalid_json", path: "" },
    { body: "", status: 400, error: "invalid_json", path: "" },
    { body: JSON.stringify({ key: "k", status: "error" }), status: 400, error: "invalid_alert", path: "summary" },
    {
      body: JSON.stringify({ key: "k", status: "maybe", summary: "s" }),
      status: 400,
      error: "invalid_alert",
      path: "status",
    },
    {
      body: `{"key":"deep","status":"error","summary":"s","details":${nestedJsonText(40)}}`,
      status: 400,
      error: "invalid_json",
    },
    {
      body: JSON.stringify({ key: "k", status: "error", summary: "s" }),
      headers: { "idempotency-key": "k".repeat(300) },
      status: 400,
      error: "invalid_idempotency_key",
      path: "headers.Idempotency-Key",
    },
  ];
  for (const { body, headers = {}, status, error, path } of cases) {
    const front = await post(`/api/alerts/${token}`, body, headers);
    const text = await front.text();
    const label = `${body.slice(0, 40)} ${JSON.stringify(headers).slice(0, 40)}`;
    const json: unknown = JSON.parse(text);
    expect([front.status, json], label).toMatchObject([status, { error }]);
    if (path !== undefined) expect(json, label).toMatchObject({ issues: [{ path }] });
    expect(front.headers.get("content-type"), label).toBe("application/json");
    expect(front.headers.get("content-length"), label).toBe(String(Buffer.byteLength(text)));
    // The same request through the Next.js route's entry (a web Request): the same answer.
    const route = await handleAlertRequest(
      { ...h.inbound, maxBodyBytes: MAX_BODY },
      token,
      new Request(`${base}/api/alerts/${token}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      }),
    );
    expect([route.status, await route.text()], label).toEqual([front.status, text]);
  }
});

it("lets go of a request whose sender went away mid-body, and answers the next one", async () => {
  const client = connect(listeningPort(server), "127.0.0.1");
  client.on("error", () => undefined);
  await new Promise((resolve) => client.once("connect", resolve));
  client.write(
    `POST /api/alerts/${token} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"key":`,
  );
  await expect.poll(() => front.inFlight()).toBe(1);
  client.destroy();
  await expect.poll(() => front.inFlight(), { timeout: 5_000 }).toBe(0);
  const key = `after-${randomUUID()}`;
  const answer = await post(`/api/alerts/${token}`, JSON.stringify({ key, status: "error", summary: "down" }));
  expect(answer.status).toBe(202);
});
