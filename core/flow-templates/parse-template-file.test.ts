import { describe, expect, it } from "vitest";
import { slackPagerdutySms } from "./builtin/slack-pagerduty-sms";
import { parseTemplateFile } from "./parse-template-file";
import { MAX_TEMPLATE_FILE_BYTES } from "./template-document";
import type { TemplateIssue } from "./template-issue";

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A valid file (a built-in as exported), to break one thing at a time. */
const validFile = (): Json => {
  const parsed: unknown = JSON.parse(JSON.stringify(slackPagerdutySms.document));
  if (!isRecord(parsed)) throw new Error("not an object");
  return parsed;
};
const graphOf = (file: Json): { nodes: Json[]; edges: Json[]; schemaVersion?: unknown } => {
  const graph = file.graph;
  if (!isRecord(graph) || !Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) throw new Error("no graph");
  return { ...graph, nodes: graph.nodes.filter(isRecord), edges: graph.edges.filter(isRecord) };
};
const nodeById = (file: Json, id: string): Json & { data: Json } => {
  const node = graphOf(file).nodes.find((n) => n.id === id);
  if (!node || !isRecord(node.data)) throw new Error(`no node ${id}`);
  return { ...node, data: node.data };
};

function refusal(text: string): TemplateIssue[] {
  const result = parseTemplateFile(text);
  if (result.ok) throw new Error("expected the file to be refused");
  return result.issues;
}
const refusalOf = (file: Json) => refusal(JSON.stringify(file));

describe("parseTemplateFile", () => {
  it("reads a valid file", () => {
    const result = parseTemplateFile(JSON.stringify(validFile()));
    expect(result.ok ? result.value.placeholders.map((p) => p.key) : result.issues).toEqual([
      "team-channel",
      "on-call",
      "lead-phone",
    ]);
  });

  it("refuses a file over the size limit before parsing it", () => {
    const [issue] = refusal(`"${"x".repeat(MAX_TEMPLATE_FILE_BYTES)}"`);
    expect(issue?.code).toBe("too_large");
    expect(issue?.message).toMatch(/at most 1\.0 MB/);
  });

  it("refuses broken JSON with the line and column", () => {
    const [issue] = refusal('{\n  "format": "alertflow.flow-template",\n  "name": oops\n}');
    expect(issue?.code).toBe("invalid_json");
    expect(issue?.message).toMatch(/line 3, column 11/);
  });

  it("refuses __proto__, constructor and prototype keys anywhere, naming the path", () => {
    const text = JSON.stringify(validFile()).replace(
      '"label":"Page on-call"',
      '"label":"x","__proto__":{"admin":true}',
    );
    const [issue] = refusal(text);
    expect(issue).toMatchObject({ code: "forbidden_key", path: "graph.nodes.6.data.__proto__" });
    expect(Object.prototype).not.toHaveProperty("admin");
    const withConstructor = JSON.stringify(validFile()).replace('"tags":[', '"constructor":{"prototype":{}},"tags":[');
    expect(refusal(withConstructor)[0]).toMatchObject({ code: "forbidden_key", path: "constructor" });
  });

  it("refuses deeply nested JSON without overflowing the stack", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const text = JSON.stringify(validFile()).replace('"tags":[', `"tags":[${deep},`);
    expect(refusal(text)[0]).toMatchObject({
      code: "too_deep",
      path: "tags.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0",
    });
  });

  it("refuses a JSON file that is not a template", () => {
    expect(refusal('{"nodes": []}')[0]).toMatchObject({ code: "not_a_template", path: "format" });
    expect(refusal("[1, 2]")[0]).toMatchObject({ code: "not_a_template" });
  });

  it("refuses a future or unknown format version", () => {
    expect(refusalOf({ ...validFile(), formatVersion: 2 })[0]?.message).toMatch(/newer Alertflow \(format version 2/);
    expect(refusalOf({ ...validFile(), formatVersion: "1" })[0]).toMatchObject({
      code: "format_version_unknown",
      path: "formatVersion",
    });
  });

  it("refuses a graph from a newer Alertflow", () => {
    const file = validFile();
    file.graph = { ...graphOf(file), schemaVersion: 99 };
    expect(refusalOf(file)[0]).toMatchObject({ code: "graph_version", path: "graph.schemaVersion" });
  });

  it("upgrades an older graph with the flow migrations", () => {
    const file = validFile();
    const graph = graphOf(file);
    const level2 = nodeById(file, "level-2");
    const { afterSeconds: _drop, ...data } = level2.data;
    file.graph = {
      nodes: graph.nodes.map((n) => (n.id === "level-2" ? { ...level2, data: { ...data, afterMinutes: 15 } } : n)),
      edges: graph.edges.map(({ targetHandle: _t, ...e }) => e),
    };
    const result = parseTemplateFile(JSON.stringify(file));
    if (!result.ok) throw new Error(result.issues[0]?.message);
    const upgraded = result.value.graph.nodes.find((n) => n.id === "level-2");
    expect(upgraded?.type === "level" ? upgraded.data.afterSeconds : null).toBe(900);
  });

  it("refuses an unknown node type, naming the node", () => {
    const file = validFile();
    const graph = graphOf(file);
    file.graph = {
      ...graph,
      nodes: [...graph.nodes, { id: "evil", type: "script", position: { x: 0, y: 0 }, data: {} }],
    };
    const issues = refusalOf(file);
    expect(issues[0]).toMatchObject({ code: "graph", path: "graph.nodes.8.type", nodeId: "evil" });
    expect(issues[0]?.message).toBe(
      'graph.nodes.8.type (node evil): unknown node type "script"; a node is a trigger, level, branch or integration.',
    );
  });

  it("refuses markup in a node label, the name or a placeholder label", () => {
    const file = validFile();
    const graph = graphOf(file);
    const node = nodeById(file, "text-lead");
    file.graph = {
      ...graph,
      nodes: graph.nodes.map((n) =>
        n.id === "text-lead" ? { ...node, data: { ...node.data, label: '<img src=x onerror="alert(1)">' } } : n,
      ),
    };
    expect(refusalOf(file)[0]).toMatchObject({ code: "markup", path: "graph.nodes.7.data.label", nodeId: "text-lead" });
    expect(refusalOf({ ...validFile(), name: "<script>alert(1)</script>" })[0]).toMatchObject({ path: "name" });
    const placeholders = validFile().placeholders;
    if (!Array.isArray(placeholders) || !isRecord(placeholders[0])) throw new Error("no placeholders");
    placeholders[0] = { ...placeholders[0], label: "</b>channel" };
    expect(refusalOf({ ...validFile(), placeholders })[0]?.message).toMatch(/^placeholders\.0\.label: .*markup/);
    expect(parseTemplateFile(JSON.stringify({ ...validFile(), name: "CPU < 90% for 5 min" })).ok).toBe(true);
  });

  it("refuses a cycle, naming the nodes", () => {
    const file = validFile();
    const graph = graphOf(file);
    file.graph = {
      ...graph,
      edges: [...graph.edges, { id: "loop", source: "level-3", target: "level-1", sourceHandle: "next" }],
    };
    const issues = refusalOf(file);
    expect(issues.some((i) => /loop|cycle|increasing/i.test(i.message))).toBe(true);
    expect(issues.every((i) => i.path?.startsWith("graph"))).toBe(true);
  });

  it("refuses an integration id, an unlisted integration node and a placeholder naming a missing node", () => {
    const named = validFile();
    const node = nodeById(named, "page-on-call");
    const graph = graphOf(named);
    named.graph = {
      ...graph,
      nodes: graph.nodes.map((n) =>
        n.id === "page-on-call"
          ? { ...node, data: { ...node.data, integrationId: "0b6f1a52-3c1e-4c55-8f0a-6a1d2e3f4a01" } }
          : n,
      ),
    };
    expect(refusalOf(named)[0]).toMatchObject({ code: "integration_named", nodeId: "page-on-call" });

    const placeholders = validFile().placeholders;
    if (!Array.isArray(placeholders) || !isRecord(placeholders[1])) throw new Error("no placeholders");
    const unlisted = { ...validFile(), placeholders: [placeholders[0], placeholders[2]] };
    expect(refusalOf(unlisted)[0]?.message).toMatch(/"page-on-call" is not listed in any placeholder/);
    placeholders[1] = { ...placeholders[1], nodeIds: ["ghost"] };
    expect(refusalOf({ ...validFile(), placeholders })[0]?.message).toMatch(
      /placeholders\.1\.nodeIds\.0: there is no node "ghost"/,
    );
  });

  it("refuses a secret value on a node", () => {
    const file = validFile();
    const node = nodeById(file, "page-on-call");
    const graph = graphOf(file);
    file.graph = {
      ...graph,
      nodes: graph.nodes.map((n) =>
        n.id === "page-on-call" ? { ...node, data: { ...node.data, variables: { RoutingKey: "R0123" } } } : n,
      ),
    };
    expect(refusalOf(file)[0]?.path).toBe("graph.nodes.6.data.variables.RoutingKey");
  });
});
