import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiServerClient, startApiServer, type ApiServer } from "~/test-support/api-server";
import { publishedFlow } from "~/test-support/flow-fixtures";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { postRaw } from "~/test-support/raw-http";

/**
 * `/api/health` answers while the heaviest requests the limits allow are being served: a template
 * preview at the render budgets (its templates validated and rendered), an Alertmanager body of
 * 1,000 alerts against 50 regex filters. (Graph validation runs off the event loop too, but a
 * graph heavy enough to matter is a body of a megabyte or more, whose parsing on the event loop
 * is then what this would measure.) Real HTTP on loopback; the server shares this process's event
 * loop, as it would in Next.js. Figures are printed; the bound has room for a loaded machine.
 */
let h: Harness;
let server: ApiServer;
let api: ReturnType<typeof apiServerClient>;
let hookId: string;
let token: string;

/** Extra latency allowed on the median and the 90th percentile of health probes. */
const EXTRA_MS = 100;

/** 49 filters that match and read the whole text, then one that does not: no incident is opened. */
const regexFilters = (field: string) =>
  Array.from({ length: 50 }, (_, i) => ({
    field,
    op: "matches" as const,
    value: i === 49 ? "(?:[a-z]+ ){1,30}QQ$" : `(?:[a-z]+ ){1,30}[a-z]{0,40}${i % 10}?$`,
  }));

beforeAll(async () => {
  h = await createHarness();
  server = await startApiServer(h);
  api = apiServerClient(server);
  hookId = (
    await api.integrations.create.mutate({
      type: "webhook",
      name: "Latency hook",
      variables: { ApiUrl: "http://127.0.0.1:9/x" },
    })
  ).id;
  const graph = graphOf(
    [
      triggerNode("t", { format: "alertmanager", filters: regexFilters("annotations.description") }),
      levelNode("l1", { level: 1 }),
      integrationNode("i1", { integrationId: hookId }),
    ],
    [edge("t", "out", "l1"), edge("l1", "out", "i1")],
  );
  ({ token } = await publishedFlow(h, "Latency", graph));
});
afterAll(async () => {
  await server?.close();
  await h?.close();
});

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

/** `/api/health` asked back to back until `work` settles, so that one probe is always in flight. */
async function healthWhile(work: Promise<unknown>): Promise<number[]> {
  let done = false;
  const settled = work.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
  }
  await settled;
  return latencies;
}

const heavyTemplate = "{{@Base64Encode(@XmlEncode(@RandomChar(10000)))}}".repeat(60);
const heavySteps = Array.from({ length: 10 }, (_, i) => ({
  name: `step ${i}`,
  method: "POST" as const,
  url: "http://127.0.0.1:9/{{@UrlEncode(@RandomChar(1000))}}",
  headers: Object.fromEntries(Array.from({ length: 8 }, (_, j) => [`x-h${j}`, heavyTemplate])),
  body: { type: "raw" as const, content: heavyTemplate },
}));

const manyAlerts = JSON.stringify({
  version: "4",
  status: "firing",
  alerts: Array.from({ length: 1000 }, (_, i) => ({
    status: "firing",
    labels: { alertname: `latency-${i}` },
    annotations: { description: "abc ".repeat(220) },
  })),
});

const cases: [string, () => Promise<unknown>][] = [
  [
    "template preview at the render budgets",
    () =>
      api.integrations.preview.mutate({
        draft: {
          type: "webhook",
          variables: { ApiUrl: "http://127.0.0.1:9/x" },
          customizations: { stepDefinitions: [{ messageTypes: ["error", "reminder", "ok"], steps: heavySteps }] },
        },
        messageType: "error",
      }),
  ],
  [
    "1,000 alerts against 50 regex filters",
    async () => {
      const answer = await postRaw(`${server.url}/api/alerts/${token}`, manyAlerts);
      expect(answer.status).toBe(202);
      expect(answer.json).toMatchObject({ filteredOut: 1000 });
    },
  ],
];

const figures = (values: number[]) =>
  `p50 ${quantile(values, 0.5).toFixed(0)} ms, p90 ${quantile(values, 0.9).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;

/** Health latencies while idle, then while `work` runs three times; the extra at p50 and p90. */
async function measure(name: string, work: () => Promise<unknown>) {
  const baseline = await healthWhile(new Promise((r) => setTimeout(r, 1_500)));
  const heavy = (async () => {
    const started = performance.now();
    for (let i = 0; i < 3; i++) await work();
    return performance.now() - started;
  })();
  const during = await healthWhile(heavy);
  console.log(
    `${name}: 3 requests in ${(await heavy).toFixed(0)} ms; /api/health ${during.length} probes ${figures(during)}; ` +
      `idle ${baseline.length} probes ${figures(baseline)}`,
  );
  expect(during.length).toBeGreaterThan(3);
  return [0.5, 0.9].map((q) => quantile(during, q) - quantile(baseline, q));
}

describe("/api/health while heavy requests are served", () => {
  it.each(cases)("stays responsive during a %s", async (name, work) => {
    await work(); // warm: threads loaded, code compiled
    // Other processes share this machine's two cores: a burst of theirs can slow one measurement,
    // so a second is taken before failing. Work on the event loop fails both, by hundreds of ms.
    let extra = await measure(name, work);
    if (extra.some((ms) => ms >= EXTRA_MS)) extra = await measure(`${name} (again)`, work);
    expect(
      extra.every((ms) => ms < EXTRA_MS),
      `extra latency at p50, p90: ${extra.join(", ")} ms`,
    ).toBe(true);
  });
});
