"use client";

import { Background, Controls, ReactFlow, useReactFlow, type Connection, type OnConnectEnd } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { useCallback, type DragEvent } from "react";
import { toast } from "sonner";
import { useShallow } from "zustand/react/shallow";
import type { CanvasEdge, CanvasNode } from "~/app/_components/flow-canvas/canvas-types";
import { CanvasMinimap } from "~/app/_components/flow-canvas/canvas-minimap";
import "~/app/_components/flow-canvas/flow-canvas.css";
import { isNodeKind, nodeTypes } from "~/app/_components/flow-canvas/nodes/node-registry";
import { useCanvasAriaLabels } from "~/app/_components/flow-canvas/use-canvas-aria-labels";
import { useZoomDetail } from "~/app/_components/flow-canvas/use-zoom-detail";
import { Kbd } from "~/app/_components/ui/kbd";
import { isValidConnection } from "~/core/flow/connection-rules";
import { CanvasToolbar } from "./canvas-toolbar";
import { ConnectionHint } from "./connection-hint";
import { refusalReason } from "./connection-refusal";
import { useRefusalText } from "./use-refusal-text";
import { PALETTE_MIME } from "./palette";
import { useEditor, useEditorStore } from "./store/editor-context";
import { NODE_SIZE, useEditorCommands } from "./use-editor-commands";

function EmptyCanvasHint() {
  const t = useTranslations("EditorCanvas");
  return (
    <div className="pointer-events-none absolute inset-0 z-10 grid place-items-center">
      <div className="max-w-xs text-center text-muted">
        <p className="text-[14px] font-medium text-fg">{t("emptyTitle")}</p>
        <p className="mt-1 text-[12px] leading-5">{t.rich("emptyHint", { kbd: (chunks) => <Kbd>{chunks}</Kbd> })}</p>
      </div>
    </div>
  );
}

/** The editable React Flow canvas: controlled by the editor store, rules from server/flow. */
export function EditorCanvas() {
  const t = useTranslations("EditorCanvas");
  const refusalText = useRefusalText();
  const ariaLabels = useCanvasAriaLabels();
  const store = useEditorStore();
  const commands = useEditorCommands();
  const { screenToFlowPosition } = useReactFlow<CanvasNode, CanvasEdge>();
  const zoom = useZoomDetail(store.getState().view);
  const dragging = useEditor((s) => s.dragging);
  const { nodes, edges, onNodesChange, onEdgesChange, onConnect } = useEditor(
    useShallow((s) => ({
      nodes: s.nodes,
      edges: s.edges,
      onNodesChange: s.onNodesChange,
      onEdgesChange: s.onEdgesChange,
      onConnect: s.onConnect,
    })),
  );

  // Reads the store at call time so the callback stays stable while nodes move.
  const validConnection = useCallback(
    (connection: CanvasEdge | Connection) => {
      const { nodes: current, edges: currentEdges } = store.getState();
      return isValidConnection(connection, current, currentEdges).ok;
    },
    [store],
  );

  const onConnectEnd = useCallback<OnConnectEnd>(
    (_event, state) => {
      if (state.isValid !== false || !state.fromHandle || !state.toHandle) return;
      const { nodes: current, edges: currentEdges } = store.getState();
      const refusal = refusalReason(state.fromHandle, state.toHandle, current, currentEdges);
      if (refusal) toast.error(t("notConnected", { reason: refusalText(refusal) }));
    },
    [store, t, refusalText],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // The pointer holds the card by its header, not its top-left corner.
      commands.addNode(kind, { x: at.x - NODE_SIZE.width / 2, y: at.y - 16 });
    },
    [commands, screenToFlowPosition],
  );

  return (
    <div
      className="h-full"
      data-editor-canvas
      data-zoom={zoom}
      data-dragging={dragging ? "true" : undefined}
      data-testid="flow-canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onPointerMove={(e) => commands.setPointer({ x: e.clientX, y: e.clientY })}
      onPointerLeave={() => commands.setPointer(null)}
    >
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={validConnection}
        // Deletion goes through the store so it is one undo step (see use-shortcuts.ts).
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={["Meta", "Control", "Shift"]}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
        minZoom={0.05}
        maxZoom={2}
        snapToGrid
        snapGrid={[8, 8]}
        attributionPosition="top-right"
        ariaLabelConfig={ariaLabels}
      >
        {/* Zoomed far out the dots are a dense, costly texture that tells nothing. */}
        {zoom === "far" ? null : <Background gap={16} />}
        <CanvasMinimap />
        <Controls showInteractive={false} position="bottom-left" />
        <CanvasToolbar />
        <ConnectionHint />
        {nodes.length === 0 ? <EmptyCanvasHint /> : null}
      </ReactFlow>
    </div>
  );
}
