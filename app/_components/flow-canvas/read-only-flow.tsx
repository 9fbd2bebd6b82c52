"use client";

import { Background, Controls, MiniMap, ReactFlow } from "@xyflow/react";
import { useEffect, useState } from "react";
import { createStore } from "zustand";
import type { FlowGraph } from "~/server/flow/document";
import type { IntegrationOption, NodeHighlight } from "./canvas-types";
import { CanvasViewProvider, type CanvasView } from "./canvas-view";
import "./flow-canvas.css";
import { toCanvas } from "./graph-mapping";
import { nodeTypes } from "./nodes/node-registry";

interface ReadOnlyFlowProps {
  graph: FlowGraph;
  /** Per node id: a run's fired/failed nodes, or a version diff's added/removed/changed ones. */
  highlights?: Record<string, NodeHighlight>;
  /** Lets integration nodes show the integration's name instead of its id. */
  integrations?: readonly IntegrationOption[];
  /** The minimap is noise in small side-by-side views. */
  minimap?: boolean;
}

const NO_HIGHLIGHTS: Record<string, NodeHighlight> = {};
function viewOf(highlights: Record<string, NodeHighlight>, integrations: readonly IntegrationOption[] | undefined): CanvasView {
  return {
    readOnly: true,
    issuesByNode: {},
    highlights,
    integrations: Object.fromEntries((integrations ?? []).map((i) => [i.id, i])),
    integrationsLoaded: integrations !== undefined,
  };
}

/** A graph drawn read-only with the editor's node cards: a run's graph, or a published version. */
export function ReadOnlyFlow({ graph, highlights = NO_HIGHLIGHTS, integrations, minimap = true }: ReadOnlyFlowProps) {
  const [view] = useState(() => createStore<CanvasView>(() => viewOf(highlights, integrations)));
  useEffect(() => view.setState(viewOf(highlights, integrations)), [view, highlights, integrations]);
  const { nodes, edges } = toCanvas(graph);
  return (
    <CanvasViewProvider value={view}>
      <ReactFlow
        nodes={nodes.map((n) => ({ ...n, draggable: false }))}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        minZoom={0.1}
        nodesConnectable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        attributionPosition="top-right"
      >
        <Background gap={16} />
        {minimap ? <MiniMap pannable zoomable /> : null}
        <Controls showInteractive={false} />
      </ReactFlow>
    </CanvasViewProvider>
  );
}
