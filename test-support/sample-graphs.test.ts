import { describe, expect, it } from "vitest";
import { compilePlan } from "~/core/flow/compile-plan";
import { MAX_NODES } from "~/core/flow/document";
import { generateLargeGraph, threeLevelSampleGraph } from "./sample-graphs";
import { previewTiming } from "~/core/escalation/timing-preview";
import { validateGraph } from "~/core/flow/validate-graph";

const IDS = {
  l1: "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e01",
  l2: "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e02",
  l3: "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e03",
};

describe("threeLevelSampleGraph", () => {
  it("is valid against exactly the integrations it was given", () => {
    expect(
      validateGraph(threeLevelSampleGraph(IDS), { knownIntegrationIds: new Set(Object.values(IDS)) }),
    ).toMatchObject({ ok: true });
  });

  it("escalates like the worked example: L1 at once, L2 after 15 min, L3 after an hour", () => {
    const plan = compilePlan(threeLevelSampleGraph(IDS));
    const errors = previewTiming(plan, { incidentSeconds: 2 * 3600 }).filter((m) => m.type === "error");
    expect(errors.map((m) => [m.atSeconds, m.integrationId])).toEqual([
      [0, IDS.l1],
      [900, IDS.l2],
      [3600, IDS.l3],
    ]);
    // L2 goes through a branch that carries Error and Ok but no reminders; L3 takes neither.
    const l2 = plan.levels[1];
    expect([l2?.reminder.length, l2?.ok.length]).toEqual([0, 1]);
    expect([plan.levels[2]?.reminder.length, plan.levels[2]?.ok.length]).toEqual([0, 0]);
  });
});

describe("generateLargeGraph", () => {
  it.each([3, 4, 25, 100, 257, MAX_NODES])("builds a valid graph of exactly %i nodes", (count) => {
    const graph = generateLargeGraph(count, IDS.l1);
    expect(graph.nodes).toHaveLength(count);
    const result = validateGraph(graph, { knownIntegrationIds: new Set([IDS.l1]) });
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("uses branches and fallback chains so benchmarks exercise every kind of node", () => {
    const graph = generateLargeGraph(MAX_NODES, IDS.l1);
    const kinds = new Set(graph.nodes.map((n) => n.type));
    expect(kinds).toEqual(new Set(["trigger", "level", "branch", "integration"]));
    expect(graph.edges.some((e) => e.sourceHandle === "failure")).toBe(true);
    const plan = compilePlan(graph);
    expect(plan.levels.length).toBeGreaterThan(1);
    expect(plan.levels.every((l) => l.error.length > 0)).toBe(true);
  });

  it("refuses sizes no valid graph can have", () => {
    for (const bad of [2, MAX_NODES + 1, 10.5]) {
      expect(() => generateLargeGraph(bad, IDS.l1)).toThrow(
        expect.objectContaining({ code: "SAMPLE_SIZE_OUT_OF_RANGE" }),
      );
    }
  });
});
