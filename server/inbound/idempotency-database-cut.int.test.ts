import type { Client } from "@temporalio/client";
import { randomUUID } from "node:crypto";
import { createServer, connect, type Server, type Socket } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { inboundIdempotencyKeys, incidentInboxes } from "~/db/schema";
import { errorAlert, okAlert, publishedFlow, terminateWorkflows, webhook } from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { postKeyedAlert } from "~/test-support/keyed-alert-post";
import { ingressOpenerFor } from "~/test-support/ingress-opener";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { listeningPort } from "~/test-support/listening-port";
import { startProxiedDatabase, type ProxiedDatabase } from "~/test-support/postgres-proxy";
import { hashToken } from "../flows/endpoint-service";
import { createTemporalClient } from "../temporal-client";
import { createBackgroundStarts } from "./background-start";
import type { InboundDeps } from "./handle-alert-request";
import { workflowIdFor } from "./incident-id";
import { createUnkeptKeys, type UnkeptKeys } from "./unkept-idempotency";

/**
 * A batch with an Idempotency-Key whose first alert opened its incident (committed in Postgres),
 * then Postgres went away before the key could note it. The sender's retry, once Postgres is back
 * and the claim's lease has lapsed, must neither send that alert again nor lose the others.
 * Real Postgres behind a TCP proxy that is cut, real Temporal behind a gate that holds the second
 * alert's call until the cut is made (so the order is certain, not raced).
 */
let h: Harness;
let proxied: ProxiedDatabase;
let receiver: Receiver;
const gates: Gate[] = [];
const clients: Client[] = [];
const workflowIds: string[] = [];

beforeAll(async () => {
  h = await createHarness();
  proxied = await startProxiedDatabase(testDatabaseUrl());
  receiver = await startReceiver();
});
// A failed test must not leave the next one without its database.
afterEach(() => proxied.proxy.open());
afterAll(async () => {
  for (const gate of gates) await gate.close();
  for (const client of clients) await client.connection.close();
  if (h) await terminateWorkflows(h, workflowIds);
  await proxied?.end();
  await receiver?.close();
  await h?.close();
});

/** A TCP door to Temporal that holds each connection until `release()`; unreleased, Temporal is silent. */
interface Gate {
  address: string;
  /** Resolves once a connection waits at the door. */
  waited(): Promise<void>;
  release(): void;
  close(): Promise<void>;
}

async function startGate(): Promise<Gate> {
  const [host, port] = h.temporalAddress.split(":");
  const held: Socket[] = [];
  const sockets = new Set<Socket>();
  let released = false;
  let onWait: (() => void) | undefined;
  const pass = (client: Socket) => {
    const upstream = connect(Number(port), host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.resume();
  };
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on("error", () => client.destroy());
    if (released) return pass(client);
    client.pause();
    held.push(client);
    onWait?.();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    address: `127.0.0.1:${listeningPort(server)}`,
    waited: () => (held.length > 0 ? Promise.resolve() : new Promise((resolve) => (onWait = resolve))),
    release() {
      released = true;
      for (const client of held.splice(0)) pass(client);
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The endpoint as a web process wires it, on the proxied database and the gated Temporal. The
 * opened incident's background start goes around the gate: it would otherwise be the call the
 * gate holds (racing the Ok's, so Postgres was sometimes cut before the Ok had read it), and it
 * would still be retrying on the gated client after the test closed it.
 */
async function endpointDeps(temporal: Client, unkept: UnkeptKeys): Promise<InboundDeps> {
  const db = proxied.db;
  // One try: the opened incident's start is not the concern here.
  const starts = createBackgroundStarts({ retryDelaysMs: [] });
  return {
    ...h.inbound,
    db,
    temporal,
    opener: ingressOpenerFor(db),
    starts: {
      start: (deps, workflowId, input) => starts.start({ ...deps, temporal: h.client }, workflowId, input),
      settled: () => starts.settled(),
    },
    unkept,
  };
}

/** Events the incident's inbox took after it opened: a second copy of the opening alert lands here. */
async function laterEvents(workflowId: string): Promise<number> {
  const result = await h.db.execute<{ n: string }>(
    sql`select count(*) as n from inbox_events e join incident_inboxes i on i.id = e.inbox_id where i.workflow_id = ${workflowId}`,
  );
  return Number(result.rows[0]?.n);
}

/**
 * Posts [error that opens an incident, Ok that needs Temporal]; cuts Postgres once the incident
 * is committed and the Ok waits at the gate; then lets the Ok through (or not).
 */
async function cutMidBatch(passOk: boolean) {
  const hook = await webhook(h, `Cut ${randomUUID()}`, `${receiver.url}/cut`);
  const { flowId, token } = await publishedFlow(h, `Cut ${randomUUID()}`, singleLevelGraph(hook));
  const opens = `opens-${randomUUID()}`;
  const workflowId = workflowIdFor(flowId, opens);
  workflowIds.push(workflowId);
  const body = JSON.stringify([errorAlert(opens), okAlert(`other-${randomUUID()}`)]);
  const key = randomUUID();
  const gate = await startGate();
  gates.push(gate);
  const gated = createTemporalClient(gate.address, "default");
  clients.push(gated);
  const unkept = createUnkeptKeys(proxied.db, 200);

  const answer = postKeyedAlert(await endpointDeps(gated, unkept), token, body, key);
  await gate.waited();
  for (let i = 0; i < 100; i++) {
    const [inbox] = await h.db.select().from(incidentInboxes).where(eq(incidentInboxes.workflowId, workflowId));
    if (inbox) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await proxied.proxy.close();
  if (passOk) gate.release();
  const first = await answer;
  return { first, token, body, key, workflowId, unkept };
}

/** The sender's retry comes once Postgres is back and after the claim's 60 s lease. */
async function retryLate(token: string, body: string, key: string, unkept: UnkeptKeys) {
  await proxied.proxy.open();
  await h.db
    .update(inboundIdempotencyKeys)
    .set({ createdAt: sql`now() - interval '2 minutes'` })
    .where(eq(inboundIdempotencyKeys.tokenHash, hashToken(token)));
  return postKeyedAlert(await endpointDeps(h.client, unkept), token, body, key);
}

describe("Idempotency-Key when Postgres fails mid-batch", () => {
  it("answers 503 saying what went, and the retry sends only the rest: the opened incident gets no second copy", async () => {
    const { first, token, body, key, workflowId, unkept } = await cutMidBatch(false);
    expect(first).toMatchObject({ status: 503, retryAfter: "10" });
    expect(JSON.stringify(first.json)).toMatch(/1 of 2 alerts reached their incidents/);
    // The driver's words stay on the server.
    expect(JSON.stringify(first.json)).not.toMatch(/ECONN|127\.0\.0\.1|5432/);

    const retry = await retryLate(token, body, key, unkept);
    expect(retry.status).toBe(202);
    expect(retry.json).toMatchObject({
      accepted: [
        { status: "error", outcome: "opened" },
        { status: "ok", outcome: "no_open_incident" },
      ],
    });
    expect(await laterEvents(workflowId)).toBe(0);
    expect(unkept.size).toBe(0);
  }, 60_000);

  it("answers 202 when every alert went and only the answer's record failed; a late retry replays it", async () => {
    const { first, token, body, key, workflowId, unkept } = await cutMidBatch(true);
    expect(first.status).toBe(202);
    expect(first.json).toMatchObject({
      accepted: [
        { status: "error", outcome: "opened" },
        { status: "ok", outcome: "no_open_incident" },
      ],
    });

    const retry = await retryLate(token, body, key, unkept);
    expect(retry).toEqual({ ...first, replayed: "true" });
    expect(await laterEvents(workflowId)).toBe(0);
  }, 60_000);
});
