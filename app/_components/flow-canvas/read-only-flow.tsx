"use client";

import {
  Background,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useNodesInitialized,
  useReactFlow,
  useStore,
} from "@xyflow/react";
import { useEffect, useMemo, useState } from "react";
import { createStore } from "zustand";
import type { FlowGraph } from "~/core/flow/document";
import type { IntegrationOption, NodeHighlight } from "./canvas-types";
import { CanvasMinimap } from "./canvas-minimap";
import { CanvasViewProvider, type CanvasView } from "./canvas-view";
import "./flow-canvas.css";
import { toCanvas } from "./graph-mapping";
import { nodeTypes } from "./nodes/node-registry";
import { useCanvasAriaLabels } from "./use-canvas-aria-labels";
import { useZoomDetail } from "./use-zoom-detail";

interface ReadOnlyFlowProps {
  graph: FlowGraph;
  /** Per node id: a run's fired/failed nodes, or a version diff's added/removed/changed ones. */
  highlights?: Record<string, NodeHighlight>;
  /** Lets integration nodes show the integration's name instead of its id. */
  integrations?: readonly IntegrationOption[];
  /** The minimap is noise in small side-by-side views. */
  minimap?: boolean;
  /**
   * A thumbnail: fitted once, no controls, and inert to the pointer and the wheel so the page
   * around it scrolls and clicks through.
   */
  thumbnail?: boolean;
}

const NO_HIGHLIGHTS: Record<string, NodeHighlight> = {};

/**
 * Up to this many nodes a read-only view always draws the cards' text: fitted into a panel, a
 * run's graph sits below the far-zoom threshold and would show empty boxes until zoomed in. The
 * far-zoom shortcut is for painting hundreds of nodes, which a graph this small never needs.
 */
const ALWAYS_DETAILED_NODES = 60;

const viewOf = (highlights: Record<string, NodeHighlight>, integrations: readonly IntegrationOption[] | undefined) => ({
  highlights,
  integrations: Object.fromEntries((integrations ?? []).map((i) => [i.id, i])),
  integrationsLoaded: integrations !== undefined,
});

/** Fitted with a margin, and never blown up past life size for a graph of two nodes. */
const FIT = { padding: 0.1, maxZoom: 1 } as const;

const THUMBNAIL_PROPS = {
  panOnDrag: false,
  panOnScroll: false,
  zoomOnScroll: false,
  zoomOnPinch: false,
  zoomOnDoubleClick: false,
  preventScrolling: false,
  nodesFocusable: false,
  elementsSelectable: false,
  fitViewOptions: { padding: 0.08 },
  // One attribution per full canvas is kept; a gallery of thumbnails would repeat it on every card.
  proOptions: { hideAttribution: true },
} as const;

/**
 * `fitView` on mount measures the box before a dialog or a grid cell has its final size (a
 * version diff or a run page drew a blank box until zoomed); fit again whenever the box changes.
 */
function FitToBox() {
  const { fitView } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const measured = useNodesInitialized();
  useEffect(() => {
    if (measured && width > 0 && height > 0) void fitView(FIT);
  }, [fitView, measured, width, height]);
  return null;
}

function ReadOnlyCanvas({
  graph,
  highlights = NO_HIGHLIGHTS,
  integrations,
  minimap = true,
  thumbnail = false,
}: ReadOnlyFlowProps) {
  const ariaLabels = useCanvasAriaLabels();
  const [view] = useState(() =>
    createStore<CanvasView>()(() => ({
      readOnly: true,
      issuesByNode: {},
      farZoom: false,
      ...viewOf(highlights, integrations),
    })),
  );
  useEffect(() => view.setState(viewOf(highlights, integrations)), [view, highlights, integrations]);
  const zoom = useZoomDetail(view);
  const { nodes, edges } = useMemo(() => {
    const canvas = toCanvas(graph);
    return { nodes: canvas.nodes.map((n) => ({ ...n, draggable: false })), edges: canvas.edges };
  }, [graph]);
  return (
    <CanvasViewProvider value={view}>
      <div className="h-full w-full" data-zoom={!thumbnail && nodes.length <= ALWAYS_DETAILED_NODES ? "near" : zoom}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={FIT}
          minZoom={0.05}
          nodesConnectable={false}
          edgesFocusable={false}
          deleteKeyCode={null}
          attributionPosition="top-right"
          ariaLabelConfig={ariaLabels}
          {...(thumbnail ? THUMBNAIL_PROPS : {})}
        >
          {zoom === "far" || thumbnail ? null : <Background gap={16} />}
          {minimap && !thumbnail ? <CanvasMinimap /> : null}
          {thumbnail ? null : <Controls showInteractive={false} />}
          {thumbnail ? null : <FitToBox />}
        </ReactFlow>
      </div>
    </CanvasViewProvider>
  );
}

/** A graph drawn read-only with the editor's node cards: a run's graph, or a published version. */
export function ReadOnlyFlow(props: ReadOnlyFlowProps) {
  return (
    <ReactFlowProvider>
      <ReadOnlyCanvas {...props} />
    </ReactFlowProvider>
  );
}
