import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "~/test-support/test-slot";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";
import { otherWorkspace } from "~/test-support/second-workspace";
import { errorAlert, eventually, publishedFlow, runsForFlow, webhook } from "~/test-support/flow-fixtures";
import type { z } from "zod";
import { runChangeSchema } from "~/core/escalation/run-change";
import { RUN_CHANGES_APPLICATION, RunChangeBus } from "./run-change-bus";
import { runEventsResponse, type StreamCaller } from "./run-events-stream";

let h: Harness;
let receiver: Receiver;
let bus: RunChangeBus;
beforeAll(async () => {
  h = await createHarness();
  await h.startWorker();
  receiver = await startReceiver();
  bus = new RunChangeBus(testDatabaseUrl());
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

// The schema is strict: any field beyond id, status and level (a payload) fails the parse.
interface Event {
  event: string;
  change?: z.infer<typeof runChangeSchema>;
}
interface Client {
  events: Event[];
  text: () => string;
  close: () => void;
  waitFor: (match: (e: Event) => boolean, label: string) => Promise<Event>;
}

/** Reads a real event stream as a browser's EventSource would: `event:` and `data:` lines, blank-line separated. */
function readStream(response: Response, abort: AbortController): Client {
  const events: Client["events"] = [];
  let raw = "";
  const reader = response.body?.getReader();
  if (!reader) throw new Error("no body");
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      const text = decoder.decode(value, { stream: true });
      raw += text;
      buffer += text;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === "run") events.push({ event, change: runChangeSchema.parse(JSON.parse(data ?? "")) });
        else if (event) events.push({ event });
      }
    }
  })();
  return {
    events,
    text: () => raw,
    close: () => abort.abort(),
    waitFor: (match, label) => eventually(async () => events.find(match), 20_000, label),
  };
}

async function open(caller: StreamCaller): Promise<Client> {
  const abort = new AbortController();
  const response = await runEventsResponse(caller, bus, abort.signal, 200);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const client = readStream(response, abort);
  await client.waitFor((e) => e.event === "ready", "ready");
  return client;
}

const listenConnections = async () => {
  const result = await h.db.execute<{ n: number }>(
    sql`select count(*)::int as n from pg_stat_activity where application_name = ${RUN_CHANGES_APPLICATION} and datname = current_database()`,
  );
  return result.rows[0]?.n ?? -1;
};

describe("live run changes over server-sent events", () => {
  it("tells the workspace's clients when a real run changes status, and no one else", async () => {
    const mine = await open({ workspaceId: h.workspaceId, role: "viewer" });
    const mineToo = await open({ workspaceId: h.workspaceId, role: "owner" });
    const other = await otherWorkspace(h, "Live elsewhere");
    const theirs = await open({ workspaceId: other.workspaceId, role: "owner" });
    // Three open streams, one LISTEN connection for the process.
    expect(bus.subscriberCount).toBe(3);
    expect(await listenConnections()).toBe(1);

    const id = await webhook(h, "Live hook", `${receiver.url}/hook`);
    const { flowId, token } = await publishedFlow(h, "Live updates", singleLevelGraph(id));
    await h.postAlert(token, errorAlert("live-1", "Secret-free summary 7f3a"));
    const run = await eventually(async () => (await runsForFlow(h, flowId))[0], 15_000, "run row");
    const isRun = (status: string) => (e: Event) =>
      e.event === "run" && e.change?.runId === run.id && e.change.status === status;

    await mine.waitFor(isRun("escalating"), "escalating event");
    await mineToo.waitFor(isRun("escalating"), "escalating event on the second stream");

    await h.api.runs.acknowledge({ runId: run.id });
    await mine.waitFor(isRun("acknowledged"), "acknowledged event");
    await h.api.runs.cancel({ runId: run.id });
    await mine.waitFor(isRun("cancelled"), "cancelled event");
    await mineToo.waitFor(isRun("cancelled"), "cancelled event on the second stream");

    // The other workspace heard nothing (its heartbeats prove its stream was open all along).
    expect(theirs.events.map((e) => e.event)).toEqual(["ready"]);
    expect(theirs.text()).toContain(": ping");
    // Only ids, status and level travel: nothing of the alert.
    expect(mine.text()).not.toContain("Secret-free summary 7f3a");
    expect(mine.text()).not.toContain("live-1");

    for (const c of [mine, mineToo, theirs]) c.close();
    await eventually(async () => (bus.subscriberCount === 0 ? true : undefined), 5_000, "streams closed");
    await eventually(async () => ((await listenConnections()) === 0 ? true : undefined), 5_000, "LISTEN closed");
  });

  it("refuses the signed-out and those without a workspace", async () => {
    const signal = new AbortController().signal;
    const anonymous = await runEventsResponse({ workspaceId: h.workspaceId, role: "anonymous" }, bus, signal);
    expect(anonymous.status).toBe(401);
    const noWorkspace = await runEventsResponse({ workspaceId: h.workspaceId, role: "user" }, bus, signal);
    expect(noWorkspace.status).toBe(403);
    expect(bus.subscriberCount).toBe(0);
  });

  it("tells its clients to refetch everything after the database dropped the LISTEN connection", async () => {
    const mine = await open({ workspaceId: h.workspaceId, role: "viewer" });
    await h.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${RUN_CHANGES_APPLICATION} and datname = current_database()`,
    );
    await mine.waitFor((e) => e.event === "run" && e.change?.runId === null, "refetch-all after reconnect");
    expect(await listenConnections()).toBe(1);
    mine.close();
    await eventually(async () => ((await listenConnections()) === 0 ? true : undefined), 5_000, "LISTEN closed");
  });
});
