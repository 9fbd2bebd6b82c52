"use client";

import { useReactFlow } from "@xyflow/react";
import { createContext, useContext, useMemo, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { CanvasEdge, CanvasNode, XY } from "~/app/_components/flow-canvas/canvas-types";
import { toFlowEdge, toFlowNode } from "~/app/_components/flow-canvas/graph-mapping";
import { nodeDefinitions } from "~/app/_components/flow-canvas/nodes/node-registry";
import type { NodeKind } from "~/core/flow/document";
import { layoutGraph } from "./store/auto-layout";
import { parseFragment, serializeFragment } from "./store/clipboard";
import { useEditorStore } from "./store/editor-context";

/** Default card size before React Flow has measured a node. */
export const NODE_SIZE = { width: 240, height: 84 };

export interface EditorCommands {
  undo: () => void;
  redo: () => void;
  deleteSelection: () => void;
  selectAll: () => void;
  /** The selection as clipboard text, or null when nothing is selected. */
  copyText: () => string | null;
  copy: () => Promise<void>;
  cut: () => Promise<void>;
  paste: (text?: string) => Promise<void>;
  duplicate: () => void;
  layout: () => Promise<void>;
  fitView: () => void;
  addNode: (kind: NodeKind, at?: XY) => void;
  focusNode: (id: string) => void;
  /** Records the pointer over the canvas (screen coordinates, null when it leaves): where pastes land. */
  setPointer: (at: XY | null) => void;
}

const CommandsContext = createContext<EditorCommands | null>(null);

const selectedFragment = (nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]) => {
  const picked = nodes.filter((n) => n.selected);
  return picked.length === 0
    ? null
    : serializeFragment(
        picked.map(toFlowNode),
        edges.flatMap((e) => toFlowEdge(e) ?? []),
      );
};

/** Every editor action in one place, shared by the toolbar, shortcuts, menus and panels. */
export function EditorCommandsProvider({ children }: { children: ReactNode }) {
  const t = useTranslations("EditorCommands");
  const store = useEditorStore();
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const pointer = useRef<XY | null>(null);
  // Fallback when the browser refuses clipboard access (http origins, denied permission).
  const lastCopied = useRef<string | null>(null);

  const commands = useMemo((): EditorCommands => {
    const s = store.getState;
    const viewportCenter = (): XY => {
      const pane = document.querySelector("[data-editor-canvas]")?.getBoundingClientRect();
      const center = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 0, y: 0 };
      const at = flow.screenToFlowPosition(center);
      return { x: at.x - NODE_SIZE.width / 2, y: at.y - NODE_SIZE.height / 2 };
    };
    const copyText = () => {
      const text = selectedFragment(s().nodes, s().edges);
      if (text) lastCopied.current = text;
      return text;
    };
    const copy = async () => {
      const text = copyText();
      if (!text) return;
      await navigator.clipboard?.writeText(text).catch(() => undefined);
      toast.success(t("copied"));
    };
    const paste = async (text?: string) => {
      const source = text ?? (await navigator.clipboard?.readText().catch(() => null)) ?? lastCopied.current;
      const fragment = source ? parseFragment(source) : null;
      if (!fragment) {
        toast.error(t("nothingToPaste"));
        return;
      }
      s().insertFragment(fragment, pointer.current ? flow.screenToFlowPosition(pointer.current) : undefined);
    };
    return {
      setPointer: (at) => {
        pointer.current = at;
      },
      undo: () => s().undo(),
      redo: () => s().redo(),
      deleteSelection: () => s().deleteSelection(),
      selectAll: () => s().selectAll(),
      copyText,
      copy,
      cut: async () => {
        await copy();
        s().deleteSelection();
      },
      paste,
      duplicate: () => {
        const text = selectedFragment(s().nodes, s().edges);
        const fragment = text ? parseFragment(text) : null;
        if (fragment) s().insertFragment(fragment);
      },
      layout: async () => {
        const { nodes, edges } = s();
        const positions = await layoutGraph(
          nodes.map((n) => ({
            id: n.id,
            width: n.measured?.width ?? NODE_SIZE.width,
            height: n.measured?.height ?? NODE_SIZE.height,
            inputs: nodeDefinitions[n.type].hasInput ? ["in"] : [],
            outputs: nodeDefinitions[n.type].sources.map((h) => ({ id: h.id, side: h.side ?? "right" })),
          })),
          edges.map((e) => ({
            id: e.id,
            source: e.source,
            target: e.target,
            sourceHandle: e.sourceHandle ?? "",
            targetHandle: e.targetHandle ?? "in",
          })),
        );
        s().moveNodes(positions);
        // Fit once React Flow has the new positions.
        requestAnimationFrame(() => void flow.fitView({ duration: 300, padding: 0.15 }));
      },
      fitView: () => void flow.fitView({ duration: 300, padding: 0.15 }),
      addNode: (kind, at) => void s().addNode(kind, at ?? viewportCenter()),
      focusNode: (id) => {
        s().select([id]);
        void flow.fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.2, padding: 0.5 });
      },
    };
  }, [store, flow, t]);

  return <CommandsContext.Provider value={commands}>{children}</CommandsContext.Provider>;
}

export function useEditorCommands(): EditorCommands {
  const commands = useContext(CommandsContext);
  if (!commands) throw new Error("useEditorCommands must be used inside EditorCommandsProvider");
  return commands;
}
