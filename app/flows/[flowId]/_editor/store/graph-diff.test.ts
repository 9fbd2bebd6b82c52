import { describe, expect, it } from "vitest";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { diffGraphs, isEmptyDiff } from "./graph-diff";

const base = graphOf(
  [triggerNode("t"), levelNode("l1", { level: 1 }), integrationNode("i", { label: "Ops" })],
  [edge("t", "out", "l1"), edge("l1", "out", "i")],
);

describe("version diff", () => {
  it("finds nothing between equal graphs, even when edge ids differ", () => {
    const same = { ...base, edges: base.edges.map((e, i) => ({ ...e, id: `other-${i}` })) };
    expect(isEmptyDiff(diffGraphs(base, same))).toBe(true);
  });

  it("lists added, removed and changed nodes and edges", () => {
    const next = graphOf(
      [
        triggerNode("t"),
        levelNode("l1", { level: 1, reminderCount: 2 }, { x: 50, y: 0 }),
        levelNode("l2", { level: 2, afterSeconds: 900 }),
      ],
      [edge("t", "out", "l1"), edge("l1", "next", "l2")],
    );
    const d = diffGraphs(base, next);
    expect(d.addedNodes.map((n) => n.id)).toEqual(["l2"]);
    expect(d.removedNodes.map((n) => n.id)).toEqual(["i"]);
    expect(d.changedNodes).toHaveLength(1);
    expect(d.changedNodes[0]?.fields).toEqual(["reminderCount"]);
    expect(d.changedNodes[0]?.moved).toBe(true);
    expect(d.addedEdges.map((e) => e.id)).toEqual(["l1:next->l2"]);
    expect(d.removedEdges.map((e) => e.id)).toEqual(["l1:out->i"]);
  });

  it("compares settings structurally: the order of an object's keys is no change", () => {
    const withVariables = (variables: Record<string, string>) => ({
      ...base,
      nodes: base.nodes.map((n) => (n.id === "i" ? integrationNode("i", { label: "Ops", variables }) : n)),
    });
    const stored = withVariables({ team: "payments", channel: "#ops" });
    expect(isEmptyDiff(diffGraphs(stored, withVariables({ channel: "#ops", team: "payments" })))).toBe(true);
    const changed = diffGraphs(stored, withVariables({ channel: "#ops-eu", team: "payments" }));
    expect(changed.changedNodes.map((c) => [c.after.id, c.fields])).toEqual([["i", ["variables"]]]);
  });

  it("reports a node whose kind changed under the same id", () => {
    const swapped = { ...base, nodes: base.nodes.map((n) => (n.id === "i" ? levelNode("i", { level: 3 }) : n)) };
    expect(diffGraphs(base, swapped).changedNodes[0]?.fields).toEqual(["type"]);
  });
});
