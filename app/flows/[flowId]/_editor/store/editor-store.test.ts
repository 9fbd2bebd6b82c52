import { describe, expect, it } from "vitest";
import { toFlowGraph } from "~/app/_components/flow-canvas/graph-mapping";
import { emptyGraph } from "~/core/flow/document";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { createEditorStore } from "./editor-store";

const INTEGRATION = "11111111-1111-4111-8111-111111111111";
const fresh = () => createEditorStore({ graph: emptyGraph(), name: "Flow", description: "" });
const graphOfStore = (store: ReturnType<typeof fresh>) => toFlowGraph(store.getState().nodes, store.getState().edges);

describe("editor store", () => {
  it("builds a valid flow from an empty canvas, step by step, validating each change", () => {
    const store = fresh();
    const s = store.getState;
    const t = s().addNode("trigger", { x: 0, y: 0 });
    expect(s().issues.map((i) => i.code)).toContain("trigger_not_connected");
    const l1 = s().addNode("level", { x: 300, y: 0 });
    const l2 = s().addNode("level", { x: 300, y: 200 });
    const i = s().addNode("integration", { x: 600, y: 0 });
    s().onConnect({ source: t, sourceHandle: "out", target: l1, targetHandle: "in" });
    s().onConnect({ source: l1, sourceHandle: "next", target: l2, targetHandle: "in" });
    s().onConnect({ source: l1, sourceHandle: "out", target: i, targetHandle: "in" });
    s().onConnect({ source: l2, sourceHandle: "out", target: i, targetHandle: "in" });
    const node = s().nodes.find((n) => n.id === i);
    expect(node?.type).toBe("integration");
    if (node?.type !== "integration") return;
    s().updateNode({
      id: i,
      type: "integration",
      position: node.position,
      data: { ...node.data, integrationId: INTEGRATION },
    });
    s().setIntegrations([{ id: INTEGRATION, type: "webhook", name: "Ops", enabled: true, perLevelVariables: [] }]);
    expect(s().issues).toEqual([]);
    const levels = graphOfStore(store).nodes.flatMap((n) => (n.type === "level" ? [n.data] : []));
    expect(levels.map((l) => [l.level, l.afterSeconds])).toEqual([
      [1, 0],
      [2, 900],
    ]);
  });

  it("refuses a connection the rules refuse", () => {
    const store = fresh();
    const s = store.getState;
    const t = s().addNode("trigger", { x: 0, y: 0 });
    const i = s().addNode("integration", { x: 300, y: 0 });
    s().onConnect({ source: t, sourceHandle: "out", target: i, targetHandle: "in" });
    expect(s().edges).toEqual([]);
  });

  it("undoes and redoes edits, one step per drag, and counts changes for autosave", () => {
    const graph = graphOf(
      [triggerNode("t"), levelNode("l1", { level: 1 }, { x: 300, y: 0 })],
      [edge("t", "out", "l1")],
    );
    const store = createEditorStore({ graph, name: "Flow", description: "" });
    const s = store.getState;
    const before = graphOfStore(store);

    s().onNodesChange([{ type: "position", id: "l1", position: { x: 310, y: 0 }, dragging: true }]);
    s().onNodesChange([{ type: "position", id: "l1", position: { x: 350, y: 40 }, dragging: true }]);
    expect(s().changeSeq).toBe(0);
    s().onNodesChange([{ type: "position", id: "l1", dragging: false }]);
    expect(s().changeSeq).toBe(1);
    s().select(["l1"]);
    s().deleteSelection();
    expect(graphOfStore(store).nodes.map((n) => n.id)).toEqual(["t"]);
    expect(graphOfStore(store).edges).toEqual([]);

    s().undo();
    expect(graphOfStore(store).nodes.find((n) => n.id === "l1")?.position).toEqual({ x: 350, y: 40 });
    expect(graphOfStore(store).edges).toHaveLength(1);
    s().undo();
    expect(graphOfStore(store)).toEqual(before);
    s().redo();
    s().redo();
    expect(graphOfStore(store).nodes.map((n) => n.id)).toEqual(["t"]);
    expect(s().externalSeq).toBe(4);
  });

  it("ignores selection and measuring for history and autosave", () => {
    const store = createEditorStore({ graph: graphOf([triggerNode("t")], []), name: "Flow", description: "" });
    const s = store.getState;
    s().onNodesChange([{ type: "select", id: "t", selected: true }]);
    s().onNodesChange([{ type: "dimensions", id: "t", dimensions: { width: 240, height: 80 } }]);
    expect(s().changeSeq).toBe(0);
    expect(s().history.past).toHaveLength(0);
  });

  it("pastes a fragment with fresh ids, selected, as one undo step", () => {
    const graph = graphOf([triggerNode("t"), integrationNode("i", { integrationId: INTEGRATION })], []);
    const store = createEditorStore({ graph, name: "Flow", description: "" });
    const s = store.getState;
    s().insertFragment({ nodes: graph.nodes, edges: [] });
    expect(s().nodes).toHaveLength(4);
    expect(s().nodes.filter((n) => n.selected)).toHaveLength(2);
    expect(s().issues.map((i) => i.code)).toContain("multiple_triggers");
    s().undo();
    expect(s().nodes.map((n) => n.id)).toEqual(["t", "i"]);
  });
});
