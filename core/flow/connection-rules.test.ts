import { describe, expect, it } from "vitest";
import { isValidConnection, type ConnectionLike } from "./connection-rules";
import type { FlowEdge, FlowNode } from "./document";
import { branchNode, edge, integrationNode, levelNode, triggerNode } from "../../test-support/graph-builder";
import { generateLargeGraph, threeLevelSampleGraph } from "../../test-support/sample-graphs";

const nodes: FlowNode[] = [
  triggerNode("t"),
  levelNode("l1", { level: 1 }),
  levelNode("l2", { level: 2, afterSeconds: 900 }),
  levelNode("l3", { level: 3, afterSeconds: 3600 }),
  branchNode("b"),
  integrationNode("slack"),
  integrationNode("sms"),
  integrationNode("email"),
];

const conn = (source: string, sourceHandle: string | null, target: string): ConnectionLike => ({
  source,
  sourceHandle,
  target,
  targetHandle: "in",
});

const verdict = (c: ConnectionLike, edges: FlowEdge[] = []) => isValidConnection(c, nodes, edges);
const codeOf = (c: ConnectionLike, edges: FlowEdge[] = []) => {
  const v = verdict(c, edges);
  return v.ok ? "ok" : v.code;
};

describe("isValidConnection", () => {
  it.each([
    ["trigger to the lowest level", conn("t", "out", "l1")],
    ["a level to a higher level", conn("l1", "next", "l3")],
    ["a level to a branch", conn("l1", "out", "b")],
    ["a level to an integration", conn("l2", "out", "slack")],
    ["each branch handle to an integration", conn("b", "reminder", "slack")],
    ["an integration's failure to another integration", conn("slack", "failure", "sms")],
    ["a single-output node without a handle id", conn("t", null, "l1")],
  ])("allows %s", (_name, c) => {
    expect(verdict(c)).toEqual({ ok: true });
  });

  it.each([
    ["anything into a trigger", conn("l1", "out", "t"), "trigger_has_input"],
    ["a self loop", conn("slack", "failure", "slack"), "self_loop"],
    ["the trigger to a level that is not the lowest", conn("t", "out", "l2"), "trigger_not_to_first_level"],
    ["the trigger straight to an integration", conn("t", "out", "slack"), "wrong_target_kind"],
    ["next to a lower level", conn("l2", "next", "l1"), "level_order"],
    ["next to an integration", conn("l1", "next", "slack"), "wrong_target_kind"],
    ["a level's out to another level", conn("l1", "out", "l2"), "wrong_target_kind"],
    ["a branch into a branch", conn("b", "ok", "b"), "self_loop"],
    ["an integration to a level", conn("slack", "failure", "l2"), "wrong_target_kind"],
    ["a handle the node does not have", conn("l1", "error", "slack"), "unknown_handle"],
    ["a level without saying which handle", conn("l1", null, "slack"), "unknown_handle"],
    ["an unknown target handle", { ...conn("l1", "out", "slack"), targetHandle: "side" }, "unknown_handle"],
    ["a node that is not on the canvas", conn("l1", "out", "ghost"), "missing_node"],
  ])("rejects %s", (_name, c, code) => {
    expect(codeOf(c)).toBe(code);
  });

  it("gives a reason a person can read", () => {
    const v = verdict(conn("l2", "next", "l1"));
    expect(v.ok ? "" : v.reason).toMatch(/level 2.*higher.*level 1/i);
  });

  it("rejects the same connection twice but allows another handle between the same nodes", () => {
    const edges = [edge("b", "error", "slack")];
    expect(codeOf(conn("b", "error", "slack"), edges)).toBe("duplicate_edge");
    expect(codeOf(conn("b", "ok", "slack"), edges)).toBe("ok");
  });

  it("gives a trigger one outgoing edge, a level one next and one input, an integration one fallback", () => {
    expect(codeOf(conn("t", "out", "l1"), [edge("t", "out", "l2")])).toBe("too_many_connections");
    expect(codeOf(conn("l1", "next", "l3"), [edge("l1", "next", "l2")])).toBe("too_many_connections");
    expect(codeOf(conn("l2", "next", "l3"), [edge("l1", "next", "l3")])).toBe("too_many_connections");
    expect(codeOf(conn("slack", "failure", "email"), [edge("slack", "failure", "sms")])).toBe("too_many_connections");
    // A level's `out` and a branch's handles fan out freely.
    expect(codeOf(conn("l1", "out", "sms"), [edge("l1", "out", "slack")])).toBe("ok");
    expect(codeOf(conn("b", "error", "sms"), [edge("b", "error", "slack")])).toBe("ok");
  });

  it("rejects a connection that closes a loop through existing edges", () => {
    const edges = [edge("slack", "failure", "sms"), edge("sms", "failure", "email")];
    expect(codeOf(conn("email", "failure", "slack"), edges)).toBe("cycle");
    expect(codeOf(conn("email", "failure", "sms"), edges)).toBe("cycle");
  });

  it("takes React Flow nodes as they are: optional type, untyped data", () => {
    const canvas: { id: string; type?: string; data: Record<string, unknown> }[] = [
      { id: "a", type: "level", data: { level: 1, label: "" } },
      { id: "z", type: "integration", data: {} },
      { id: "note", type: "sticky-note", data: {} },
      { id: "broken", type: "level", data: { level: "one" } },
    ];
    expect(isValidConnection(conn("a", "out", "z"), canvas, [])).toEqual({ ok: true });
    expect(isValidConnection(conn("a", "out", "note"), canvas, [])).toMatchObject({
      ok: false,
      code: "unknown_node_kind",
    });
    expect(isValidConnection(conn("broken", "out", "z"), canvas, [])).toMatchObject({
      ok: false,
      code: "unknown_node_kind",
    });
  });

  it("lets a person draw every valid sample graph edge by edge", () => {
    const id = "4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b";
    for (const graph of [threeLevelSampleGraph({ l1: id, l2: id, l3: id }), generateLargeGraph(200, id)]) {
      graph.edges.forEach((e, i) => {
        expect(isValidConnection(e, graph.nodes, graph.edges.slice(0, i)), e.id).toEqual({ ok: true });
      });
    }
  });
});
