"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import { CanvasViewProvider } from "~/app/_components/flow-canvas/canvas-view";
import { createEditorStore, type EditorInit, type EditorState, type EditorStore } from "./editor-store";

const EditorStoreContext = createContext<EditorStore | null>(null);

/**
 * Creates the editor's store once per mounted editor (as ReactFlowProvider does), so two
 * editors, or a fresh visit, never share state through a module global.
 */
export function EditorStoreProvider({ init, children }: { init: EditorInit; children: ReactNode }) {
  const [store] = useState(() => createEditorStore(init));
  return (
    <EditorStoreContext.Provider value={store}>
      <CanvasViewProvider value={store.getState().view}>{children}</CanvasViewProvider>
    </EditorStoreContext.Provider>
  );
}

/** The store itself, for event handlers that read the latest state without subscribing. */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error("useEditorStore must be used inside EditorStoreProvider");
  return store;
}

/** Subscribes to a slice; pass a `useShallow` selector when it returns a new array or object. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}
