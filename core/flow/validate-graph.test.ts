import { describe, expect, it } from "vitest";
import { compilePlan } from "./compile-plan";
import { MAX_NODES, type FlowEdge, type FlowGraph, type FlowNode } from "./document";
import { branchNode, edge, graphOf, integrationNode, levelNode, triggerNode } from "../../test-support/graph-builder";
import { threeLevelSampleGraph } from "../../test-support/sample-graphs";
import { validateGraph, type GraphIssue } from "./validate-graph";

const IDS = {
  l1: "9a3e4c1d-2b5f-4e6a-8c7d-1e2f3a4b5c01",
  l2: "9a3e4c1d-2b5f-4e6a-8c7d-1e2f3a4b5c02",
  l3: "9a3e4c1d-2b5f-4e6a-8c7d-1e2f3a4b5c03",
};
const INTEGRATION = IDS.l1;

const errorsOf = (raw: unknown, opts?: Parameters<typeof validateGraph>[1]): GraphIssue[] => {
  const result = validateGraph(raw, opts);
  return result.ok ? [] : result.errors;
};
const codesOn = (errors: GraphIssue[], nodeId: string) => errors.filter((e) => e.nodeId === nodeId).map((e) => e.code);
const codes = (errors: GraphIssue[]) => errors.map((e) => e.code);

/** trigger → L1 → integration, the smallest graph that pages someone. */
const minimal = (extraNodes: FlowNode[] = [], extraEdges: FlowEdge[] = []): FlowGraph =>
  graphOf(
    [
      triggerNode("t"),
      levelNode("l1", { level: 1 }),
      integrationNode("i", { integrationId: INTEGRATION }),
      ...extraNodes,
    ],
    [edge("t", "out", "l1"), edge("l1", "out", "i"), ...extraEdges],
  );

describe("validateGraph", () => {
  it("accepts a complete graph, fills defaults, and the result compiles", () => {
    const raw = JSON.parse(JSON.stringify(threeLevelSampleGraph(IDS)));
    delete raw.edges[0].targetHandle;
    const result = validateGraph(raw, { knownIntegrationIds: new Set(Object.values(IDS)) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.graph.edges[0]?.targetHandle).toBe("in");
    expect(compilePlan(result.graph).levels.map((l) => l.level)).toEqual([1, 2, 3]);
  });

  describe("schema", () => {
    it("pins a bad field to the node it belongs to", () => {
      const raw = JSON.parse(JSON.stringify(minimal()));
      raw.nodes[1].data.level = 0;
      const errors = errorsOf(raw);
      expect(errors).toEqual([expect.objectContaining({ code: "schema", nodeId: "l1", path: "nodes.1.data.level" })]);
    });

    it("pins a bad handle to the edge it belongs to", () => {
      const raw = JSON.parse(JSON.stringify(minimal()));
      raw.edges[1].sourceHandle = "sideways";
      expect(errorsOf(raw)).toEqual([expect.objectContaining({ code: "schema", edgeId: raw.edges[1].id })]);
    });

    it("names the node by its label", () => {
      const raw = JSON.parse(JSON.stringify(minimal([integrationNode("x", { label: "Ops pager" })])));
      raw.nodes[3].data.integrationId = "not-a-uuid";
      expect(errorsOf(raw)[0]?.message).toContain("Ops pager");
    });

    it("rejects what is not a graph at all", () => {
      expect(codes(errorsOf(null))).toEqual(["schema"]);
      expect(codes(errorsOf({ schemaVersion: 1, nodes: "x", edges: [] }))).toEqual(["schema"]);
    });

    it("reports too many nodes as one error, not one per node", () => {
      const raw = {
        schemaVersion: 1,
        nodes: Array.from({ length: MAX_NODES + 1 }, () => ({ bogus: true })),
        edges: [],
      };
      expect(codes(errorsOf(raw))).toEqual(["too_many_nodes"]);
    });
  });

  describe("identity", () => {
    it("flags a duplicate node id and an edge to a node that does not exist", () => {
      const errors = errorsOf(
        minimal([integrationNode("i", { integrationId: INTEGRATION })], [edge("l1", "out", "ghost")]),
      );
      expect(codesOn(errors, "i")).toContain("duplicate_node_id");
      expect(errors).toContainEqual(expect.objectContaining({ code: "missing_node", edgeId: "l1:out->ghost" }));
    });
  });

  describe("triggers", () => {
    it("needs exactly one trigger", () => {
      expect(codes(errorsOf(graphOf([], [])))).toEqual(["no_trigger"]);
      const errors = errorsOf(minimal([triggerNode("t2", { label: "Second" })]));
      expect(codesOn(errors, "t2")).toContain("multiple_triggers");
      expect(errors.find((e) => e.code === "multiple_triggers")?.message).toContain("Second");
    });

    it("refuses edges into a trigger and a trigger that leads nowhere", () => {
      expect(codes(errorsOf(minimal([], [edge("l1", "out", "t")])))).toContain("trigger_has_input");
      const lonely = graphOf([triggerNode("t")], []);
      expect(codesOn(errorsOf(lonely), "t")).toEqual(["trigger_not_connected"]);
    });

    it("gives the trigger a single edge, to the lowest level", () => {
      const l2 = levelNode("l2", { level: 2, afterSeconds: 60 });
      const errors = errorsOf(minimal([l2], [edge("t", "out", "l2"), edge("l2", "out", "i")]));
      expect(codes(errors)).toEqual(expect.arrayContaining(["too_many_connections", "trigger_not_to_first_level"]));
      expect(codesOn(errors, "l2")).toContain("trigger_not_to_first_level");
    });
  });

  describe("connections", () => {
    it("refuses an edge between the wrong kinds of node, on that edge", () => {
      const errors = errorsOf(minimal([], [edge("t", "out", "i")]));
      expect(errors).toContainEqual(expect.objectContaining({ code: "wrong_target_kind", edgeId: "t:out->i" }));
    });

    it("refuses a loop of fallbacks, naming the nodes in it", () => {
      const a = integrationNode("a", { label: "Pager", integrationId: INTEGRATION });
      const b = integrationNode("b", { label: "SMS", integrationId: INTEGRATION });
      const errors = errorsOf(
        minimal([a, b], [edge("l1", "out", "a"), edge("a", "failure", "b"), edge("b", "failure", "a")]),
      );
      const cycles = errors.filter((e) => e.code === "cycle");
      expect(cycles).toHaveLength(1);
      expect(cycles[0]?.message).toMatch(/Pager.*SMS.*Pager/);
    });
  });

  describe("reachability and dead ends", () => {
    it("flags nodes the trigger never reaches, by kind", () => {
      const errors = errorsOf(
        minimal(
          [
            levelNode("l2", { level: 2, afterSeconds: 60 }),
            integrationNode("orphan", { integrationId: INTEGRATION }),
            branchNode("b"),
          ],
          [edge("l2", "out", "orphan")],
        ),
      );
      expect(codesOn(errors, "l2")).toEqual(["level_without_trigger"]);
      expect(codesOn(errors, "orphan")).toEqual(["unreachable_node"]);
      expect(codesOn(errors, "b")).toEqual(["branch_without_level", "branch_without_integration"]);
    });

    it("requires every level and branch to reach an integration", () => {
      const errors = errorsOf(
        graphOf(
          [
            triggerNode("t"),
            levelNode("l1", { level: 1 }),
            levelNode("l2", { level: 2, afterSeconds: 60 }),
            branchNode("b"),
            integrationNode("i", { integrationId: INTEGRATION }),
          ],
          [edge("t", "out", "l1"), edge("l1", "next", "l2"), edge("l1", "out", "i"), edge("l2", "out", "b")],
        ),
      );
      expect(codesOn(errors, "b")).toEqual(["branch_without_integration"]);
      expect(codesOn(errors, "l2")).toEqual(["level_without_integration"]);
      expect(codesOn(errors, "l1")).toEqual([]);
    });
  });

  describe("levels", () => {
    const chain = (l2: FlowNode, l3: FlowNode) =>
      minimal(
        [l2, l3],
        [edge("l1", "next", l2.id), edge(l2.id, "next", l3.id), edge(l2.id, "out", "i"), edge(l3.id, "out", "i")],
      );

    it("needs unique level numbers, marking every node that shares one", () => {
      const errors = errorsOf(minimal([levelNode("dup", { level: 1, label: "Copy" })], [edge("dup", "out", "i")]));
      expect(codesOn(errors, "l1")).toContain("duplicate_level_number");
      expect(codesOn(errors, "dup")).toContain("duplicate_level_number");
    });

    it("needs a higher level to wait longer than a lower one of the same mode", () => {
      const errors = errorsOf(
        chain(
          levelNode("l2", { level: 2, afterSeconds: 900 }),
          levelNode("l3", { level: 3, afterSeconds: 900, label: "Phone" }),
        ),
      );
      expect(codesOn(errors, "l3")).toEqual(["level_threshold_not_increasing"]);
      expect(codesOn(errors, "l2")).toEqual([]);
      expect(errors[0]?.message).toMatch(/Phone.*15 min/);
    });

    it("compares count levels by error count, skipping levels of the other mode", () => {
      const l1Count = graphOf(
        [
          triggerNode("t"),
          levelNode("l1", { level: 1, mode: "count", errorCount: 3 }),
          levelNode("l2", { level: 2, afterSeconds: 60 }),
          levelNode("l3", { level: 3, mode: "count", errorCount: 2 }),
          integrationNode("i", { integrationId: INTEGRATION }),
        ],
        [
          edge("t", "out", "l1"),
          edge("l1", "next", "l2"),
          edge("l2", "next", "l3"),
          edge("l1", "out", "i"),
          edge("l2", "out", "i"),
          edge("l3", "out", "i"),
        ],
      );
      expect(codesOn(errorsOf(l1Count), "l3")).toEqual(["level_threshold_not_increasing"]);
      expect(codesOn(errorsOf(l1Count), "l2")).toEqual([]);
    });

    it("refuses next edges to a lower level and a second input into a level", () => {
      const errors = errorsOf(
        chain(levelNode("l2", { level: 2, afterSeconds: 60 }), levelNode("l3", { level: 3, afterSeconds: 120 })),
      );
      expect(errors).toEqual([]);
      const twoInputs = errorsOf(
        minimal(
          [levelNode("l2", { level: 2, afterSeconds: 60 }), levelNode("l3", { level: 3, afterSeconds: 120 })],
          [
            edge("l1", "next", "l2"),
            edge("l2", "next", "l3"),
            edge("l1", "next", "l3"),
            edge("l2", "out", "i"),
            edge("l3", "out", "i"),
          ],
        ),
      );
      expect(codesOn(twoInputs, "l3")).toContain("too_many_connections");
    });
  });

  describe("integrations", () => {
    it("needs an integration chosen on every integration node", () => {
      const errors = errorsOf(minimal([integrationNode("blank", { label: "Pick me" })], [edge("l1", "out", "blank")]));
      expect(codesOn(errors, "blank")).toEqual(["integration_not_chosen"]);
      expect(errors[0]?.message).toContain("Pick me");
    });

    it("refuses integrations outside the known set only when a set is given", () => {
      expect(errorsOf(minimal())).toEqual([]);
      expect(codesOn(errorsOf(minimal(), { knownIntegrationIds: new Set([IDS.l2]) }), "i")).toEqual([
        "unknown_integration",
      ]);
    });
  });

  describe("problem messages", () => {
    // A graph as the canvas makes it: node ids like "integration-s3jgxg", integration nodes unlabeled.
    const canvasLike = () =>
      graphOf(
        [
          triggerNode("trigger-a1b2c3"),
          levelNode("level-d4e5f6", { level: 1 }),
          integrationNode("integration-s3jgxg", { integrationId: INTEGRATION }),
          integrationNode("integration-x9y8z7", { integrationId: IDS.l2 }),
          integrationNode("integration-q1w2e3"),
        ],
        [edge("trigger-a1b2c3", "out", "level-d4e5f6"), edge("level-d4e5f6", "out", "integration-s3jgxg")],
      );

    it("name unlabeled integration nodes by their integration, never by internal id", () => {
      const errors = errorsOf(canvasLike(), {
        knownIntegrationIds: new Set([INTEGRATION, IDS.l2]),
        integrationNames: { [INTEGRATION]: "Ops webhook", [IDS.l2]: "On-call SMS" },
      });
      expect(errors.map((e) => e.message)).toEqual([
        'Integration "On-call SMS" is not reached from the trigger, so it never runs.',
        "An integration node is not reached from the trigger, so it never runs.",
        "An integration node has no integration chosen.",
      ]);
      for (const error of errors) expect(error.message).not.toMatch(/integration-[a-z0-9]{6}|trigger-|level-/);
    });

    it("keep a label a person typed over the integration's name, and the returned graph untouched", () => {
      const graph = canvasLike();
      const labeled = { ...graph, nodes: graph.nodes.slice(0, 3) };
      const node = labeled.nodes[2];
      if (node?.type !== "integration") throw new Error("fixture changed");
      labeled.nodes[2] = { ...node, data: { ...node.data, label: "Pager" } };
      const result = validateGraph(labeled, { integrationNames: { [INTEGRATION]: "Ops webhook" } });
      expect(result.ok && result.graph.nodes[2]?.data.label).toBe("Pager");
      const unlabeled = validateGraph(
        { ...graph, nodes: graph.nodes.slice(0, 3) },
        { integrationNames: { [INTEGRATION]: "Ops webhook" } },
      );
      expect(unlabeled.ok && unlabeled.graph.nodes[2]?.data.label).toBe("");
    });
  });
});
