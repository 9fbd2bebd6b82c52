import { describe, expect, it } from "vitest";
import { layoutGraph, type LayoutNode } from "./auto-layout";

const node = (id: string, inputs: string[], outputs: string[]): LayoutNode => ({
  id,
  width: 240,
  height: 80,
  inputs,
  outputs: outputs.map((h) => ({ id: h, side: h === "next" ? "bottom" : "right" })),
});
const link = (source: string, sourceHandle: string, target: string) => ({
  id: `${source}-${target}`,
  source,
  sourceHandle,
  target,
  targetHandle: "in",
});

describe("auto-layout", () => {
  it("lays a chain out left to right without overlaps, with branch outputs in handle order", async () => {
    const nodes = [
      node("t", [], ["out"]),
      node("l1", ["in"], ["out", "next"]),
      node("b", ["in"], ["error", "reminder", "ok"]),
      node("i-error", ["in"], ["failure"]),
      node("i-reminder", ["in"], ["failure"]),
      node("i-ok", ["in"], ["failure"]),
    ];
    const edges = [
      link("t", "out", "l1"),
      link("l1", "out", "b"),
      link("b", "ok", "i-ok"),
      link("b", "error", "i-error"),
      link("b", "reminder", "i-reminder"),
    ];
    const at = await layoutGraph(nodes, edges);
    const x = (id: string) => at.get(id)?.x ?? NaN;
    const y = (id: string) => at.get(id)?.y ?? NaN;
    expect(x("t")).toBeLessThan(x("l1"));
    expect(x("l1")).toBeLessThan(x("b"));
    expect(x("b")).toBeLessThan(x("i-ok"));
    expect(y("i-error")).toBeLessThan(y("i-reminder"));
    expect(y("i-reminder")).toBeLessThan(y("i-ok"));
    const boxes = nodes.map((n) => ({ x: x(n.id), y: y(n.id) }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(Math.abs(a.x - b.x) >= 240 || Math.abs(a.y - b.y) >= 80).toBe(true);
    }
  });

  it("ignores edges to nodes it was not given", async () => {
    const at = await layoutGraph([node("a", [], ["out"])], [link("a", "out", "ghost")]);
    expect([...at.keys()]).toEqual(["a"]);
  });
});
