import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertFormat } from "~/core/flow/document";
import { startApiServer, type ApiServer } from "~/test-support/api-server";
import { publishedFlow, webhook } from "~/test-support/flow-fixtures";
import { singleLevelGraph } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { postRaw } from "~/test-support/raw-http";

/**
 * Text that names an incident is refused when it holds NUL or a lone surrogate, instead of being
 * cleaned to U+FFFD (which folded "a\u0000" and "a\uD800" onto one incident); labels are capped.
 * Real HTTP to the inbound endpoint, one flow per format.
 */
let h: Harness;
let server: ApiServer;
const tokens = new Map<AlertFormat, string>();

beforeAll(async () => {
  h = await createHarness();
  server = await startApiServer(h);
  const hook = await webhook(h, `Identity ${randomUUID()}`, "http://127.0.0.1:9/unused");
  for (const format of ["generic", "uptrends", "alertmanager", "grafana"] as const) {
    const graph = singleLevelGraph(hook);
    graph.nodes = graph.nodes.map((node) =>
      node.type === "trigger" ? { ...node, data: { ...node.data, format } } : node,
    );
    tokens.set(format, (await publishedFlow(h, `Identity ${format} ${randomUUID()}`, graph)).token);
  }
});
afterAll(async () => {
  await server?.close();
  await h?.close();
});

const post = (format: AlertFormat, body: unknown) =>
  postRaw(`${server.url}/api/alerts/${tokens.get(format)}`, JSON.stringify(body));

const fixture = (name: string): Record<string, unknown> =>
  Object(JSON.parse(readFileSync(new URL(`../../core/alerts/fixtures/${name}`, import.meta.url), "utf8")));

/** An Alertmanager notification of two alerts, the second one's labels given. */
const alertmanager = (labels: Record<string, string>) => ({
  version: "4",
  status: "firing",
  alerts: [
    { status: "firing", labels: { alertname: "Fine" }, annotations: {} },
    { status: "firing", labels, annotations: {} },
  ],
});

function issuesOf(json: unknown): { path: string; message: string }[] {
  const issues: unknown = Object(json).issues;
  return Array.isArray(issues)
    ? issues.map((i: unknown) => ({ path: String(Object(i).path), message: String(Object(i).message) }))
    : [];
}

describe("identity text in inbound alerts", () => {
  it.each(["a\u0000", "a\uD800", "a\uDC00b"])("refuses the generic key %j with 400 naming `key`", async (key) => {
    const answer = await post("generic", { key, status: "error", summary: "x" });
    expect(answer.status).toBe(400);
    expect(issuesOf(answer.json)).toEqual([
      { path: "key", message: expect.stringMatching(/^Invalid alert key: it contains/) },
    ]);
  });

  it("refuses it in a batch naming the index, in labels and in the monitor's name", async () => {
    const batch = [
      { key: "fine", status: "error", summary: "x" },
      {
        key: "b",
        status: "error",
        summary: "x",
        labels: { "team\u0000": "ops", env: "prod\uD800" },
        monitor: "web\u0000",
      },
    ];
    const answer = await post("generic", batch);
    expect(answer.status).toBe(400);
    expect(issuesOf(answer.json).map((i) => i.path)).toEqual(["1.labels.team\u0000", "1.labels.env", "1.monitor.name"]);
  });

  it("refuses NUL or a lone surrogate in Alertmanager and Grafana labels and fingerprints, naming alert and label", async () => {
    for (const format of ["alertmanager", "grafana"] as const) {
      const labels = await post(format, alertmanager({ alertname: "Disk", instance: "db-1\u0000" }));
      expect(labels.status, format).toBe(400);
      expect(
        issuesOf(labels.json).map((i) => i.path),
        format,
      ).toEqual(["alerts.1.labels.instance"]);
      const fingerprint = alertmanager({ alertname: "Disk" });
      const [, second] = fingerprint.alerts;
      const withFingerprint = {
        ...fingerprint,
        alerts: [fingerprint.alerts[0], { ...second, fingerprint: "ab\uD800" }],
      };
      const answer = await post(format, withFingerprint);
      expect(answer.status, format).toBe(400);
      expect(
        issuesOf(answer.json).map((i) => i.path),
        format,
      ).toEqual(["alerts.1.fingerprint"]);
    }
  });

  it("refuses them in the Uptrends incident key and monitor name", async () => {
    const body = fixture("uptrends-alert.json");
    const answer = await post("uptrends", {
      ...body,
      incident: { key: "inc\u0000" },
      monitor: { ...Object(body.monitor), name: "Shop\uDFFF" },
    });
    expect(answer.status).toBe(400);
    expect(issuesOf(answer.json).map((i) => i.path)).toEqual(["incident.key", "monitor.name"]);
  });

  it("still cleans other text and accepts the alert", async () => {
    const answer = await post("generic", {
      key: `clean-${randomUUID()}`,
      status: "error",
      summary: "down\u0000 \uD800",
    });
    expect(answer.status).toBe(202);
  });

  it("caps labels per alert at 128, names at 256 characters and values at 4,096", async () => {
    const labels = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`l${i}`, "v"]));
    const ok = await post("generic", {
      key: `many-${randomUUID()}`,
      status: "error",
      summary: "x",
      labels: labels(128),
    });
    expect(ok.status).toBe(202);
    const tooMany = await post("generic", { key: "k", status: "error", summary: "x", labels: labels(5000) });
    expect(tooMany.status).toBe(400);
    expect(issuesOf(tooMany.json)).toEqual([{ path: "labels", message: "At most 128 labels per alert; got 5000" }]);

    const longName = await post("alertmanager", alertmanager({ alertname: "x", ["n".repeat(257)]: "v" }));
    expect(longName.status).toBe(400);
    expect(issuesOf(longName.json)[0]?.path).toBe(`alerts.1.labels.${"n".repeat(257)}`);
    const longValue = await post("generic", {
      key: "k",
      status: "error",
      summary: "x",
      labels: { a: "v".repeat(4097) },
    });
    expect(longValue.status).toBe(400);
    expect(issuesOf(longValue.json)).toEqual([
      { path: "labels.a", message: "Label values must be at most 4096 characters; this one has 4097" },
    ]);
  });
});
