import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiServerClient, startApiServer, type ApiServer } from "~/test-support/api-server";
import { publishedFlow } from "~/test-support/flow-fixtures";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { createHarness, type Harness } from "~/test-support/harness";
import { startReceiver } from "~/test-support/http-receiver";
import { postRaw, trpcMutationRaw, type RawAnswer } from "~/test-support/raw-http";
import { previewTiming } from "~/core/escalation/timing-preview";
import { compilePlan } from "~/core/flow/compile-plan";
import { validateGraph } from "~/core/flow/validate-graph";

/**
 * Property-based fuzz over real HTTP on loopback (bounded: a few hundred runs, a minute at most
 * per property): flow graphs of the right shape with hostile text and wiring through save,
 * validate and publish; templates of nested function calls through the preview; alerts with
 * hostile labels through the inbound endpoint. Never a 5xx; a refusal names the field or node
 * and changes nothing; afterwards another person of the workspace still reads every page.
 */
let h: Harness;
let server: ApiServer;
let viewer: ApiServer;
let hookId: string;
let token: string;
const flowIds: string[] = [];
const seen = new Map<string, number>();

beforeAll(async () => {
  h = await createHarness();
  server = await startApiServer(h);
  viewer = await startApiServer(h, { caller: { role: "viewer", name: "another person" } });
  hookId = (
    await apiServerClient(server).integrations.create.mutate({
      type: "webhook",
      name: "Fuzz hook",
      variables: { ApiUrl: "http://127.0.0.1:9/x" },
    })
  ).id;
  const graph = graphOf(
    [
      triggerNode("t", {
        alertKey: "{{labels.team}}-{{labels.__proto__}}",
        filters: [{ field: "labels.constructor", op: "notEquals", value: "x" }],
      }),
      levelNode("l1", { level: 1 }),
      integrationNode("i1", { integrationId: hookId }),
    ],
    [edge("t", "out", "l1"), edge("l1", "out", "i1")],
  );
  ({ token } = await publishedFlow(h, "Fuzz labels", graph));
});
afterAll(async () => {
  console.log("answers seen:", Object.fromEntries(seen));
  await viewer?.close();
  await server?.close();
  await h?.close();
});

const nasty = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "\u0000",
    "\ud800",
    "x\udc00",
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "{{@RandomChar(10000)}}",
    "{{labels.__proto__}}",
    "<script>alert(1)</script>",
    "💥",
    "a".repeat(300),
  ),
);

/** The tRPC error of an answer: its message and what it points at. */
function errorOf(answer: RawAnswer) {
  const error = Object(Object(Object(answer.json).error).json);
  const data = Object(error.data);
  return { message: String(error.message ?? ""), data };
}

/**
 * 2xx, or a 4xx whose message says what is wrong and where: a field path, a node or edge, or a
 * named flow problem. Never a 5xx.
 */
function expectClearAnswer(what: string, answer: RawAnswer) {
  const key = `${what} ${answer.status}`;
  seen.set(key, (seen.get(key) ?? 0) + 1);
  expect(answer.status, `${what}: ${answer.text.slice(0, 500)}`).toBeLessThan(500);
  if (answer.status < 400) return;
  const { message, data } = errorOf(answer);
  expect(message.length, `${what}: ${answer.text.slice(0, 300)}`).toBeGreaterThan(5);
  const issues: unknown = Object(data.domain).issues;
  const zod = Object(data.zodError);
  const located =
    (Array.isArray(issues) && issues.length > 0) ||
    Object.keys(Object(zod.fieldErrors)).length > 0 ||
    /^[\w$]+(\.[\w$[\]"]+)* /.test(message) ||
    /node|edge|trigger|level|integration|graph|flow|name|template|field|step/i.test(message);
  expect(located, `${what}: the refusal names no field or node: ${message}`).toBe(true);
}

const position = fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) });
const nodeId = fc.oneof(fc.constantFrom("t", "l1", "l2", "b", "i1", "i2"), nasty);

function graphArbitrary() {
  const integrationId = fc.oneof(fc.constant(hookId), fc.constant(null), fc.uuid());
  const trigger = fc.record({
    id: nodeId,
    type: fc.constant("trigger"),
    position,
    data: fc.record(
      {
        label: nasty,
        format: fc.constantFrom("generic", "alertmanager", "grafana", "uptrends"),
        filters: fc.array(
          fc.record({
            field: fc.oneof(fc.constantFrom("summary", "labels.team", "details.__proto__", "annotations.x"), nasty),
            op: fc.constantFrom("equals", "notEquals", "contains", "matches", "exists"),
            value: fc.oneof(nasty, fc.constantFrom("^(a+)+$", "[a-z]{1,1000}", "(?<=x)y", "/disk/i")),
          }),
          { maxLength: 4 },
        ),
        alertKey: fc.oneof(nasty, fc.constant("{{labels.service}}")),
      },
      { requiredKeys: [] },
    ),
  });
  const level = fc.record({
    id: nodeId,
    type: fc.constant("level"),
    position,
    data: fc.record(
      {
        label: nasty,
        level: fc.integer({ min: 0, max: 21 }),
        afterSeconds: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.double()),
        reminderCount: fc.integer({ min: 0, max: 3 }),
        message: nasty,
      },
      { requiredKeys: ["level"] },
    ),
  });
  const branch = fc.record({ id: nodeId, type: fc.constant("branch"), position, data: fc.record({ label: nasty }) });
  const integration = fc.record({
    id: nodeId,
    type: fc.constant("integration"),
    position,
    data: fc.record(
      { label: nasty, integrationId, variables: fc.dictionary(nasty, nasty, { maxKeys: 3 }) },
      { requiredKeys: ["integrationId"] },
    ),
  });
  const nodes = fc.array(fc.oneof(trigger, level, branch, integration), { minLength: 1, maxLength: 7 });
  const edges = fc.array(
    fc.record({
      id: nasty,
      source: nodeId,
      target: nodeId,
      sourceHandle: fc.constantFrom("out", "next", "error", "reminder", "ok", "failure"),
      targetHandle: fc.constant("in"),
    }),
    { maxLength: 8 },
  );
  // Random graphs are mostly refused; the skeleton with hostile text in every field gets published.
  const skeleton = fc
    .record({ label: nasty, message: nasty, alertKey: nasty, variable: nasty })
    .map(({ label, message, alertKey, variable }) =>
      graphOf(
        [
          triggerNode("t", { label: label.slice(0, 200), alertKey: alertKey.slice(0, 500) }),
          levelNode("l1", { level: 1, label: label.slice(0, 200), message }),
          integrationNode("i1", {
            integrationId: hookId,
            label: label.slice(0, 200),
            variables: { [variable]: message },
          }),
        ],
        [edge("t", "out", "l1"), edge("l1", "out", "i1")],
      ),
    );
  return fc.oneof(fc.record({ schemaVersion: fc.constant(1), nodes, edges }), skeleton);
}

/** A template of nested function calls, variables and hostile text, Uptrends syntax. */
const functionName = fc.constantFrom(
  "JsonEncode",
  "XmlEncode",
  "Base64Encode",
  "Base64Decode",
  "UrlEncode",
  "HexToBase64",
  "Truncate",
  "RandomChar",
  "RandomInt",
  "DateTime",
  "CustomField",
  "Nope",
);
const template = fc.letrec((tie) => ({
  text: fc.oneof(
    { depthSize: "small" },
    nasty,
    fc.constantFrom("{{alert.summary}}", "{{labels.team}}", "{{@incident.key}}", "{{Nope}}", "{{", "}}", "@("),
    tie("call"),
    fc.array(tie("text"), { maxLength: 3 }).map((parts) => parts.join("")),
  ),
  call: fc
    .tuple(fc.array(functionName, { minLength: 1, maxLength: 40 }), fc.oneof(nasty, fc.constant("10000")))
    .map(([names, leaf]) => names.map((n) => `{{@${n}(`).join("") + leaf + ")}}".repeat(names.length)),
})).text;

const budget = { interruptAfterTimeLimit: 60_000, markInterruptAsFailure: false };

describe("fuzz through the API", () => {
  it("flow graphs: save, validate and publish answer 2xx or a 4xx naming the field or node", async () => {
    await fc.assert(
      fc.asyncProperty(nasty, graphArbitrary(), async (name, graph) => {
        const created = await trpcMutationRaw(server.url, "flows.create", JSON.stringify({ name, description: name }));
        expectClearAnswer("flows.create", created);
        if (created.status >= 400) return;
        const flowId: unknown = Object(Object(Object(Object(created.json).result).data).json).id;
        expect(typeof flowId).toBe("string");
        flowIds.push(String(flowId));
        const saved = await trpcMutationRaw(server.url, "flows.saveDraft", JSON.stringify({ flowId, graph }));
        expectClearAnswer("flows.saveDraft", saved);
        if (saved.status >= 400) {
          // Refused: the flow keeps its empty first draft.
          const flow = await apiServerClient(viewer).flows.get.query({ flowId: String(flowId) });
          expect(flow.revision).toBe(0);
          return;
        }
        const published = await trpcMutationRaw(server.url, "flows.publish", JSON.stringify({ flowId, note: name }));
        expectClearAnswer("flows.publish", published);
      }),
      { numRuns: 150, ...budget },
    );
  });

  it("templates: a preview answers 2xx (listing the problems) or a 4xx naming the field", async () => {
    await fc.assert(
      fc.asyncProperty(template, template, template, async (url, header, body) => {
        const draft = {
          type: "webhook",
          variables: { ApiUrl: "http://127.0.0.1:9/x" },
          customizations: {
            stepDefinitions: [
              {
                messageTypes: ["error"],
                steps: [
                  {
                    method: "POST",
                    url: `http://127.0.0.1:9/${url}`,
                    headers: { "x-a": header },
                    body: { type: "raw", content: body },
                  },
                ],
              },
            ],
          },
        };
        const answer = await trpcMutationRaw(
          server.url,
          "integrations.preview",
          JSON.stringify({ draft, messageType: "error" }),
        );
        expectClearAnswer("integrations.preview", answer);
      }),
      { numRuns: 150, ...budget },
    );
  });

  it("alerts with hostile labels: 202 or a 4xx, never a 5xx", async () => {
    const alert = fc.record({
      key: nasty,
      status: fc.oneof(fc.constantFrom("error", "ok"), nasty),
      summary: nasty,
      labels: fc.dictionary(nasty, nasty, { maxKeys: 5 }),
      details: fc.dictionary(nasty, fc.oneof(nasty, fc.integer(), fc.constant(null)), { maxKeys: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(alert, async (body) => {
        const answer = await postRaw(`${server.url}/api/alerts/${token}`, JSON.stringify(body));
        const key = `alert ${answer.status}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
        if (answer.status >= 400) expect(answer.text).toMatch(/"message":"[^"]{6,}/);
      }),
      { numRuns: 100, ...budget },
    );
  });

  it("node ids named like Object.prototype's members: saved, validated, previewed, published, and both levels page", async () => {
    // Every node id is one a plain object already "has": a level read as fired, an issue listed, a
    // prototype replaced, once any code keyed a record by it.
    const receiver = await startReceiver();
    const { stop } = await h.startWorker();
    try {
      const api = apiServerClient(server);
      const hooks = await Promise.all(
        ["l1", "l2"].map(
          async (l) =>
            (
              await api.integrations.create.mutate({
                type: "webhook",
                name: `Proto ${l}`,
                variables: { ApiUrl: `${receiver.url}/proto/${l}` },
              })
            ).id,
        ),
      );
      const graph = graphOf(
        [
          triggerNode("toString"),
          levelNode("constructor", { level: 1 }),
          levelNode("__proto__", { level: 2, afterSeconds: 2 }),
          integrationNode("hasOwnProperty", { integrationId: hooks[0] }),
          integrationNode("valueOf", { integrationId: hooks[1] }),
        ],
        [
          edge("toString", "out", "constructor"),
          edge("constructor", "out", "hasOwnProperty"),
          edge("constructor", "next", "__proto__"),
          edge("__proto__", "out", "valueOf"),
        ],
      );
      const { id: flowId } = await api.flows.create.mutate({ name: "Prototype ids", description: "" });
      flowIds.push(flowId);
      const saved = await trpcMutationRaw(server.url, "flows.saveDraft", JSON.stringify({ flowId, graph }));
      expect(saved.status, saved.text.slice(0, 500)).toBe(200);
      const draft = (await api.flows.get.query({ flowId })).graph;
      expect(draft.nodes.map((n) => n.id).sort()).toEqual(
        ["__proto__", "constructor", "hasOwnProperty", "toString", "valueOf"].sort(),
      );

      // What the editor runs on the draft: validation, then the timing preview of its plan.
      const checked = validateGraph(draft);
      if (!checked.ok) throw new Error(`refused: ${JSON.stringify(checked)}`);
      expect(
        previewTiming(compilePlan(checked.graph), { incidentSeconds: 10 }).map((m) => [m.atSeconds, m.type, m.nodeId]),
      ).toEqual([
        [0, "error", "hasOwnProperty"],
        [2, "error", "valueOf"],
        [10, "ok", "hasOwnProperty"],
        [10, "ok", "valueOf"],
      ]);

      const published = await trpcMutationRaw(server.url, "flows.publish", JSON.stringify({ flowId, note: "ids" }));
      expect(published.status, published.text.slice(0, 500)).toBe(200);
      const { token: protoToken } = await api.flows.createEndpoint.mutate({ flowId });
      const sent = await postRaw(
        `${server.url}/api/alerts/${protoToken}`,
        JSON.stringify({ key: "__proto__", status: "error", summary: "down" }),
      );
      expect(sent.status, sent.text).toBe(202);
      // Level 1 at once, level 2 after its 2 s: the level keyed `__proto__` fires too.
      await receiver.waitFor(2, 20_000);
      expect(receiver.requests.map((r) => r.url).sort()).toEqual(["/proto/l1", "/proto/l2"].sort());
    } finally {
      await stop();
      await receiver.close();
    }
  }, 90_000);

  it("left everything readable by another person of the workspace", async () => {
    const api = apiServerClient(viewer);
    const flows = await api.flows.list.query();
    expect(flows.length).toBeGreaterThanOrEqual(flowIds.length);
    for (const flowId of flowIds) {
      const flow = await api.flows.get.query({ flowId });
      expect(flow.id).toBe(flowId);
      await api.flows.versions.query({ flowId });
    }
    await expect(api.integrations.list.query()).resolves.toBeInstanceOf(Array);
    const runs = await api.runs.list.query({});
    expect(runs).toBeTruthy();
    await expect(api.templates.list.query()).resolves.toBeTruthy();
  });
});
