import equal from "fast-deep-equal";
import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from "@xyflow/react";
import { createStore, type StoreApi } from "zustand";
import type { CanvasEdge, CanvasNode, IntegrationOption, XY } from "~/app/_components/flow-canvas/canvas-types";
import type { CanvasView } from "~/app/_components/flow-canvas/canvas-view";
import { toCanvas, toCanvasEdge, toCanvasNode, toFlowNode } from "~/app/_components/flow-canvas/graph-mapping";
import { isValidConnection } from "~/core/flow/connection-rules";
import {
  FLOW_SCHEMA_VERSION,
  sourceHandleSchema,
  type FlowGraph,
  type FlowNode,
  type NodeKind,
} from "~/core/flow/document";
import type { GraphIssue } from "~/core/flow/validate-graph";
import { placeFragment, type Fragment } from "./clipboard";
import { deselectEdges, movedTo, newFlowNode, removeSelected, selectOnly, withFlowNode } from "./graph-ops";
import { emptyHistory, record, redo, undo, type History, type RecordOptions } from "./history";
import { edgeId, newNodeId } from "./ids";
import { validateCanvas } from "./validation";

export interface Snapshot {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

export interface EditorState {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  issues: GraphIssue[];
  integrations: Readonly<Record<string, IntegrationOption>>;
  /** False until `integrations.list` answers; only then are unknown integrations an error. */
  integrationsLoaded: boolean;
  /**
   * What node cards read (issues per node, integrations), in a store of its own: a drag updates
   * `nodes` on every frame, and 500 cards re-checking their selectors each time is what made
   * dragging slow. This one changes only when validation or the integrations do.
   */
  view: StoreApi<CanvasView>;
  name: string;
  description: string;
  history: History<Snapshot>;
  /** Bumped by every change that should be saved (not selection, not measuring). */
  changeSeq: number;
  /** Bumped when the graph changes from outside the inspector (undo, paste, restore): forms reset. */
  externalSeq: number;
  dragging: boolean;

  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<CanvasEdge>[]) => void;
  onConnect: (connection: Connection) => void;
  addNode: (kind: NodeKind, position: XY) => string;
  updateNode: (next: FlowNode) => void;
  deleteSelection: () => void;
  select: (ids: readonly string[]) => void;
  selectAll: () => void;
  undo: () => void;
  redo: () => void;
  insertFragment: (fragment: Fragment, at?: XY) => void;
  replaceGraph: (graph: FlowGraph) => void;
  moveNodes: (positions: ReadonlyMap<string, XY>) => void;
  setIntegrations: (list: readonly IntegrationOption[]) => void;
  setName: (name: string) => void;
  setDescription: (description: string) => void;
}

export interface EditorInit {
  graph: FlowGraph;
  name: string;
  description: string;
  /** The workspace's integrations when already known (fetched with the page). */
  integrations?: readonly IntegrationOption[];
}

type Commit = Partial<Snapshot> & {
  record?: RecordOptions | false;
  structural?: boolean;
  external?: boolean;
  save?: boolean;
  /** Other state to set in the same update (one notification per change matters while dragging). */
  also?: Partial<EditorState>;
};

export type EditorStore = ReturnType<typeof createEditorStore>;

const sameIntegrations = (
  a: Readonly<Record<string, IntegrationOption>>,
  b: Readonly<Record<string, IntegrationOption>>,
) => equal(a, b);

/** One store per open editor (see editor-context.tsx); never a module global. */
export function createEditorStore(init: EditorInit) {
  const start = toCanvas(init.graph);
  const integrations = init.integrations ? Object.fromEntries(init.integrations.map((i) => [i.id, i])) : null;
  const initial = validateCanvas(start.nodes, start.edges, integrations);
  const view = createStore<CanvasView>()(() => ({
    readOnly: false,
    issuesByNode: initial.issuesByNode,
    integrations: integrations ?? {},
    integrationsLoaded: integrations !== null,
    highlights: {},
    farZoom: false,
  }));
  return createStore<EditorState>()((set, get) => {
    const revalidate = (
      nodes: readonly CanvasNode[],
      edges: readonly CanvasEdge[],
      integrations: EditorState["integrations"] | null,
    ) => {
      const { issues, issuesByNode } = validateCanvas(nodes, edges, integrations);
      view.setState({ issuesByNode });
      return { issues };
    };

    /** Every graph edit funnels through here: history, validation and the save counter stay in step. */
    const commit = ({
      record: recordOpts = {},
      structural = true,
      external = false,
      save = true,
      also = {},
      ...next
    }: Commit) => {
      const s = get();
      const nodes = next.nodes ?? s.nodes;
      const edges = next.edges ?? s.edges;
      set({
        ...also,
        nodes,
        edges,
        history: recordOpts === false ? s.history : record(s.history, { nodes: s.nodes, edges: s.edges }, recordOpts),
        ...(structural ? revalidate(nodes, edges, s.integrationsLoaded ? s.integrations : null) : {}),
        changeSeq: save ? s.changeSeq + 1 : s.changeSeq,
        externalSeq: external ? s.externalSeq + 1 : s.externalSeq,
      });
    };

    const travel = (direction: typeof undo) => {
      const s = get();
      const step = direction(s.history, { nodes: s.nodes, edges: s.edges });
      if (!step) return;
      set({ history: step.history });
      commit({ ...step.snapshot, record: false, external: true });
    };

    return {
      ...start,
      issues: initial.issues,
      integrations: integrations ?? {},
      integrationsLoaded: integrations !== null,
      view,
      name: init.name,
      description: init.description,
      history: emptyHistory(),
      changeSeq: 0,
      externalSeq: 0,
      dragging: false,

      onNodesChange: (changes) => {
        const s = get();
        const nodes = applyNodeChanges(changes, s.nodes);
        const edits = changes.filter((c) => c.type !== "select" && c.type !== "dimensions");
        if (edits.length === 0) return set({ nodes });
        const structural = edits.some((c) => c.type !== "position");
        const dragging = !structural && edits.some((c) => c.type === "position" && c.dragging === true);
        // One undo step per drag (taken at its start); keyboard nudges coalesce into one.
        const recordOpts: RecordOptions | false = structural
          ? {}
          : s.dragging
            ? false
            : dragging
              ? {}
              : { key: "nudge" };
        commit({ nodes, structural, record: recordOpts, save: !dragging, also: { dragging } });
      },

      onEdgesChange: (changes) => {
        const s = get();
        const edges = applyEdgeChanges(changes, s.edges);
        if (changes.every((c) => c.type === "select")) return set({ edges });
        commit({ edges });
      },

      onConnect: (connection) => {
        const s = get();
        const handle = sourceHandleSchema.safeParse(connection.sourceHandle);
        // The canvas already refused invalid drags (with the reason); this guards clicks and races.
        if (!handle.success || !isValidConnection(connection, s.nodes, s.edges).ok) return;
        const edge = toCanvasEdge({
          id: edgeId(connection.source, handle.data, connection.target),
          source: connection.source,
          target: connection.target,
          sourceHandle: handle.data,
          targetHandle: "in",
        });
        commit({ edges: [...s.edges, edge] });
      },

      addNode: (kind, position) => {
        const s = get();
        const id = newNodeId(kind, new Set(s.nodes.map((n) => n.id)));
        const node = newFlowNode(kind, id, position, s.nodes.map(toFlowNode));
        commit({
          nodes: [...selectOnly(s.nodes, new Set()), { ...toCanvasNode(node), selected: true }],
          edges: deselectEdges(s.edges),
        });
        return id;
      },

      updateNode: (next) => {
        const s = get();
        commit({
          nodes: s.nodes.map((n) => (n.id === next.id ? withFlowNode(n, next) : n)),
          record: { key: `data:${next.id}` },
        });
      },

      deleteSelection: () => {
        const s = get();
        const rest = removeSelected(s.nodes, s.edges);
        if (rest) commit(rest);
      },

      select: (ids) => set((s) => ({ nodes: selectOnly(s.nodes, new Set(ids)), edges: deselectEdges(s.edges) })),
      selectAll: () => set((s) => ({ nodes: selectOnly(s.nodes, new Set(s.nodes.map((n) => n.id))) })),
      undo: () => travel(undo),
      redo: () => travel(redo),

      insertFragment: (fragment, at) => {
        const s = get();
        if (fragment.nodes.length === 0) return;
        const placed = placeFragment(fragment, { takenIds: new Set(s.nodes.map((n) => n.id)), newId: newNodeId, at });
        const pasted = toCanvas({ schemaVersion: FLOW_SCHEMA_VERSION, ...placed });
        commit({
          nodes: [...selectOnly(s.nodes, new Set()), ...pasted.nodes.map((n) => ({ ...n, selected: true }))],
          edges: [...deselectEdges(s.edges), ...pasted.edges],
          external: true,
        });
      },

      replaceGraph: (graph) => commit({ ...toCanvas(graph), external: true }),
      moveNodes: (positions) => commit({ nodes: movedTo(get().nodes, positions), structural: false }),

      setIntegrations: (list) => {
        const integrations = Object.fromEntries(list.map((i) => [i.id, i]));
        const s = get();
        // The same list again (the query's first answer is what the page was rendered with).
        if (s.integrationsLoaded && sameIntegrations(s.integrations, integrations)) return;
        view.setState({ integrations, integrationsLoaded: true });
        set({ integrations, integrationsLoaded: true, ...revalidate(s.nodes, s.edges, integrations) });
      },
      setName: (name) => set((s) => ({ name, changeSeq: s.changeSeq + 1 })),
      setDescription: (description) => set((s) => ({ description, changeSeq: s.changeSeq + 1 })),
    };
  });
}
