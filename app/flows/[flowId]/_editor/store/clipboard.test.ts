import { describe, expect, it } from "vitest";
import { branchNode, edge, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { parseFragment, placeFragment, serializeFragment } from "./clipboard";
import { newNodeId } from "./ids";

const nodes = [
  triggerNode("t", {}, { x: 0, y: 0 }),
  levelNode("l1", { level: 1, reminderCount: 2 }, { x: 300, y: 100 }),
  branchNode("b", { label: "Types" }, { x: 600, y: 100 }),
  integrationNode("i", { label: "Ops" }, { x: 900, y: 50 }),
];
const edges = [edge("t", "out", "l1"), edge("l1", "out", "b"), edge("b", "error", "i")];

describe("clipboard fragments", () => {
  it("round-trips nodes and the edges between them, dropping edges that leave the selection", () => {
    const text = serializeFragment(nodes.slice(1), edges);
    const parsed = parseFragment(text);
    expect(parsed?.nodes).toEqual(nodes.slice(1));
    expect(parsed?.edges).toEqual([edge("l1", "out", "b"), edge("b", "error", "i")]);
  });

  it("accepts a whole flow document and migrates an old one", () => {
    const v0 = {
      nodes: [{ id: "l", type: "level", position: { x: 0, y: 0 }, data: { level: 1, afterMinutes: 15 } }],
      edges: [],
    };
    const parsed = parseFragment(JSON.stringify(v0));
    const [level] = parsed?.nodes ?? [];
    expect(level?.type === "level" && level.data.afterSeconds).toBe(900);
  });

  it("refuses text that is not a flow fragment", () => {
    expect(parseFragment("hello")).toBeNull();
    expect(parseFragment("[1,2]")).toBeNull();
    expect(parseFragment(JSON.stringify({ kind: "something/else", nodes: [] }))).toBeNull();
    expect(parseFragment(JSON.stringify({ nodes: [{ id: "x", type: "teapot" }] }))).toBeNull();
  });

  it("gives pasted nodes fresh ids, rewires edges and moves them", () => {
    const fragment = { nodes: nodes.slice(1), edges: edges.slice(1) };
    const taken = new Set(nodes.map((n) => n.id));
    const placed = placeFragment(fragment, { takenIds: taken, newId: newNodeId });
    const newIds = placed.nodes.map((n) => n.id);
    expect(newIds.some((id) => taken.has(id))).toBe(false);
    expect(new Set(newIds).size).toBe(3);
    expect(placed.nodes[0]?.position).toEqual({ x: 340, y: 140 });
    expect(placed.edges.map((e) => [e.source, e.target])).toEqual([
      [newIds[0], newIds[1]],
      [newIds[1], newIds[2]],
    ]);
    expect(placed.edges[1]?.id).toBe(`${newIds[1]}:error->${newIds[2]}`);

    const atPointer = placeFragment(fragment, { takenIds: taken, newId: newNodeId, at: { x: 10, y: 20 } });
    expect(atPointer.nodes.map((n) => n.position)).toEqual([
      { x: 10, y: 70 },
      { x: 310, y: 70 },
      { x: 610, y: 20 },
    ]);
  });

  it("never hands out a taken id, even with a stuck random source", () => {
    const taken = new Set(["level-000000", "level-1"]);
    expect(newNodeId("level", taken, () => 0)).toBe("level-3");
  });
});
