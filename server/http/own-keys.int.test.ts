import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiServerClient, startApiServer, type ApiServer } from "~/test-support/api-server";
import { eventually, publishedFlow, runsForFlow } from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver, type Receiver } from "~/test-support/http-receiver";

/**
 * Keys named like Object's own properties are ordinary data: stored and served as sent, over
 * real HTTP through the client the UI uses. superjson refused `constructor` and `prototype`
 * (one such integration broke the integrations list for everyone) and zod drops `__proto__`.
 */
const OWN_KEYS = '{"constructor":"c-value","prototype":"p-value","__proto__":"x-value","toString":"t-value"}';
const ownKeys = (): Record<string, string> => JSON.parse(OWN_KEYS);
/** Postgres jsonb reorders keys, so maps are compared as sorted entries. */
const entriesOf = (value: unknown) => Object.entries(Object(value)).sort(([a], [b]) => a.localeCompare(b));
const OWN_ENTRIES = entriesOf(ownKeys());

let h: Harness;
let server: ApiServer;
let receiver: Receiver;
let api: ReturnType<typeof apiServerClient>;
beforeAll(async () => {
  h = await createHarness();
  server = await startApiServer(h);
  receiver = await startReceiver();
  api = apiServerClient(server);
});
afterAll(async () => {
  await server?.close();
  await receiver?.close();
  await h?.close();
});

describe("keys named constructor, prototype and __proto__", () => {
  it("are kept in integration variables, and the integrations list still loads", async () => {
    const variables = { ApiUrl: "http://127.0.0.1:9/hook", ...ownKeys() };
    const created = await api.integrations.create.mutate({ type: "webhook", name: "Own keys", variables });
    const listed = await api.integrations.list.query();
    const got = await api.integrations.get.query({ integrationId: created.id });
    expect(entriesOf(listed.find((i) => i.id === created.id)?.variables)).toEqual(entriesOf(variables));
    expect(entriesOf(got.variables)).toEqual(entriesOf(variables));
  });

  it("are kept in a flow graph's integration node variables", async () => {
    const hook = await api.integrations.create.mutate({
      type: "webhook",
      name: "Own keys node",
      variables: { ApiUrl: receiver.url },
    });
    const graph = singleLevelGraph(hook.id);
    const node = graph.nodes.find((n) => n.type === "integration");
    if (node?.type !== "integration") throw new Error("the graph has no integration node");
    node.data.variables = ownKeys();
    const { id } = await api.flows.create.mutate({ name: "Own keys flow", description: "", graph });
    const flow = await api.flows.get.query({ flowId: id });
    const saved = flow.graph.nodes.find((n) => n.id === node.id);
    expect(entriesOf(saved?.type === "integration" ? saved.data.variables : undefined)).toEqual(OWN_ENTRIES);
  });

  it("are kept in an alert's labels and details through the inbound endpoint, the run and the API", async () => {
    const worker = await h.startWorker();
    try {
      const integrationId = (
        await api.integrations.create.mutate({
          type: "webhook",
          name: "Own keys hook",
          variables: { ApiUrl: receiver.url },
        })
      ).id;
      const { flowId, token } = await publishedFlow(h, "Own keys alerts", singleLevelGraph(integrationId));
      const body = `{"key":"own-keys","status":"error","summary":"s","labels":${OWN_KEYS},"details":${OWN_KEYS}}`;
      const response = await fetch(`${server.url}/api/alerts/${token}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(response.status).toBe(202);
      const run = await eventually(async () => (await runsForFlow(h, flowId))[0], 30_000, "the run");
      const served = await api.runs.get.query({ runId: run.id });
      expect(entriesOf(served.run.alert.labels)).toEqual(OWN_ENTRIES);
      expect(entriesOf(served.run.alert.details)).toEqual(OWN_ENTRIES);
    } finally {
      await worker.stop();
    }
  });
});
