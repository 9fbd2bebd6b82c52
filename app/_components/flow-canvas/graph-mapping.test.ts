import { describe, expect, it } from "vitest";
import { threeLevelSampleGraph } from "~/test-support/sample-graphs";
import { validateGraph } from "~/core/flow/validate-graph";
import type { CanvasEdge, CanvasNode } from "./canvas-types";
import { toCanvas, toFlowEdge, toFlowGraph } from "./graph-mapping";

const ids = {
  l1: "11111111-1111-4111-8111-111111111111",
  l2: "22222222-2222-4222-8222-222222222222",
  l3: "33333333-3333-4333-8333-333333333333",
};

describe("graph ↔ React Flow mapping", () => {
  it("round-trips a stored graph exactly", () => {
    const graph = threeLevelSampleGraph(ids);
    const { nodes, edges } = toCanvas(graph);
    expect(nodes.map((n) => n.type)).toEqual(graph.nodes.map((n) => n.type));
    expect(toFlowGraph(nodes, edges)).toEqual(graph);
  });

  it("drops React Flow's selection and measurements when storing", () => {
    const graph = threeLevelSampleGraph(ids);
    const { nodes, edges } = toCanvas(graph);
    const touched: CanvasNode[] = nodes.map((n) => ({
      ...n,
      selected: true,
      dragging: false,
      measured: { width: 10, height: 20 },
    }));
    const back = toFlowGraph(touched, edges);
    expect(back).toEqual(graph);
    expect(validateGraph(back, { knownIntegrationIds: new Set(Object.values(ids)) }).ok).toBe(true);
  });

  it("colours edges by their source handle and refuses unknown handles", () => {
    const { edges } = toCanvas(threeLevelSampleGraph(ids));
    expect(edges.find((e) => e.sourceHandle === "error")?.className).toBe("edge-error");
    const stray: CanvasEdge = { id: "x", source: "a", target: "b", sourceHandle: "sideways" };
    expect(toFlowEdge(stray)).toBeNull();
    expect(toFlowEdge({ ...stray, sourceHandle: null })).toBeNull();
  });
});
