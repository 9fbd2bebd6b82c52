import { describe, expect, it } from "vitest";
import { branchNode, edge, graphOf, integrationNode, levelNode, triggerNode } from "../../test-support/graph-builder";
import { bindPlaceholders } from "./bind-placeholders";
import { templateFromGraph, type SourceIntegration } from "./graph-to-template";
import { readTemplateDocument } from "./read-template";
import { scrubSecrets } from "./scrub-secrets";
import { TEMPLATE_FORMAT, TEMPLATE_FORMAT_VERSION, type FlowTemplateDocument } from "./template-document";

const SLACK = "0b6f1a52-3c1e-4c55-8f0a-6a1d2e3f4a01";
const OPSGENIE = "0b6f1a52-3c1e-4c55-8f0a-6a1d2e3f4a02";
const HOOK = "0b6f1a52-3c1e-4c55-8f0a-6a1d2e3f4a03";

const sources = new Map<string, SourceIntegration>([
  [SLACK, { type: "slack", secretNames: ["WebhookUrl"] }],
  [OPSGENIE, { type: "opsgenie", secretNames: ["ApiKey"] }],
  [HOOK, { type: "webhook", secretNames: ["Signature"] }],
]);

const flow = graphOf(
  [
    triggerNode("t", { filters: [{ field: "labels.team", op: "equals", value: "payments" }] }),
    levelNode("l1", { level: 1, label: "abc level", message: "See runbook" }),
    levelNode("l2", { level: 2, afterSeconds: 600 }),
    integrationNode("chat", { label: "Payments channel", integrationId: SLACK }),
    branchNode("b"),
    integrationNode("og-p2", {
      label: "Opsgenie",
      integrationId: OPSGENIE,
      // ApiKey is secret for the type, and must not survive even as a per-level value.
      variables: { Priority: "P2", ApiKey: "leaked-key" },
    }),
    integrationNode("og-p1", { label: "Opsgenie", integrationId: OPSGENIE, variables: { Priority: "P1" } }),
    integrationNode("hook", {
      integrationId: HOOK,
      // A custom secret of this integration: only the source integration knows it is one.
      variables: { ApiUrl: "https://ops.example.com/hook", Signature: "s3cret-signature" },
    }),
  ],
  [
    edge("t", "out", "l1"),
    edge("l1", "next", "l2"),
    edge("l1", "out", "chat"),
    edge("l1", "out", "og-p2"),
    edge("l2", "out", "b"),
    edge("b", "error", "og-p1"),
    edge("b", "ok", "og-p1"),
    edge("chat", "failure", "hook"),
  ],
);

describe("templateFromGraph", () => {
  const converted = templateFromGraph(flow, sources);
  if (!converted.ok) throw new Error(converted.issues[0]?.message);
  const { graph, placeholders } = converted.value;

  it("makes one typed placeholder per distinct integration, in order of first use", () => {
    expect(placeholders).toEqual([
      { key: "slack", integrationType: "slack", label: "Payments channel", description: "", nodeIds: ["chat"] },
      { key: "opsgenie", integrationType: "opsgenie", label: "Opsgenie", description: "", nodeIds: ["og-p2", "og-p1"] },
      {
        key: "webhook",
        integrationType: "webhook",
        label: "Alertflow integration (webhook)",
        description: "",
        nodeIds: ["hook"],
      },
    ]);
  });

  it("forgets every integration id and strips secret per-level values, keeping the others", () => {
    const integrations = graph.nodes.flatMap((n) => (n.type === "integration" ? [n] : []));
    expect(integrations.map((n) => n.data.integrationId)).toEqual([null, null, null, null]);
    expect(Object.fromEntries(integrations.map((n) => [n.id, n.data.variables]))).toEqual({
      chat: {},
      "og-p2": { Priority: "P2" },
      "og-p1": { Priority: "P1" },
      hook: { ApiUrl: "https://ops.example.com/hook" },
    });
    expect(JSON.stringify(converted)).not.toMatch(/leaked-key|s3cret-signature|0b6f1a52/);
  });

  it("keeps everything else of the flow: filters, messages, timings, edges, positions", () => {
    const bound = bindPlaceholders({ graph, placeholders }, { slack: SLACK, opsgenie: OPSGENIE, webhook: HOOK });
    const restore = (id: string) => flow.nodes.find((n) => n.id === id);
    for (const node of bound.nodes) {
      const original = restore(node.id);
      if (node.type !== "integration") expect(node).toEqual(original);
      else expect(node.data.integrationId).toBe(original?.type === "integration" ? original.data.integrationId : "");
    }
    expect(bound.edges).toEqual(flow.edges);
  });

  it("refuses a node with no integration chosen or one the workspace does not have", () => {
    const incomplete = graphOf(
      [...flow.nodes, integrationNode("todo", { label: "To do" })],
      [...flow.edges, edge("l2", "out", "todo")],
    );
    const refused = templateFromGraph(incomplete, new Map([...sources].filter(([id]) => id !== HOOK)));
    expect(refused.ok ? [] : refused.issues.map((i) => [i.nodeId, i.message])).toEqual([
      [
        "hook",
        "An integration node has an integration this workspace does not have; choose one before saving the flow as a template.",
      ],
      ["todo", 'Integration "To do" has no integration chosen; choose one before saving the flow as a template.'],
    ]);
  });
});

describe("scrubSecrets", () => {
  it("masks secret values and endpoint tokens pasted anywhere, and the result still reads", () => {
    const token = `af_${"Q".repeat(32)}`;
    const converted = templateFromGraph(
      graphOf(
        [
          triggerNode("t", { label: "From hunter22-secret" }),
          levelNode("l1", {
            level: 1,
            label: "abc level",
            message: `Post to /api/alerts/${token} or use key hunter22-secret`,
          }),
          integrationNode("chat", { label: "Chat", integrationId: SLACK }),
        ],
        [edge("t", "out", "l1"), edge("l1", "out", "chat")],
      ),
      sources,
    );
    if (!converted.ok) throw new Error("not converted");
    const document: FlowTemplateDocument = {
      format: TEMPLATE_FORMAT,
      formatVersion: TEMPLATE_FORMAT_VERSION,
      name: "Uses hunter22-secret",
      description: "",
      tags: [],
      author: "",
      version: 1,
      ...converted.value,
    };
    const scrubbed = readTemplateDocument(scrubSecrets(document, ["hunter22-secret", "abc"]));
    if (!scrubbed.ok) throw new Error(scrubbed.issues[0]?.message);
    const text = JSON.stringify(scrubbed.value);
    expect(text).not.toContain("hunter22-secret");
    expect(text).not.toContain(token);
    expect(scrubbed.value.name).toBe("Uses [REDACTED]");
    // Too short to be a secret worth masking: ordinary words would be mangled.
    expect(scrubbed.value.graph.nodes.find((n) => n.id === "l1")?.data.label).toBe("abc level");
  });
});
