"use client";

import { createContext, useContext } from "react";
import type { StoreApi } from "zustand";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { IntegrationOption, NodeHighlight } from "./canvas-types";
import type { IssueLike } from "./use-issue-text";
import { ownEntry } from "~/core/own-entry";

/**
 * What node cards read besides their own data. The editor's store provides it (live validation
 * issues, the workspace's integrations); read-only views provide a fixed one. Node cards
 * subscribe to their own slice, so a validation pass re-renders only the nodes whose issues moved.
 */
export interface CanvasView {
  readOnly: boolean;
  issuesByNode: Readonly<Record<string, readonly IssueLike[]>>;
  integrations: Readonly<Record<string, IntegrationOption>>;
  /** Whether `integrations` is the workspace's full list (so a missing id really is unknown). */
  integrationsLoaded: boolean;
  highlights: Readonly<Record<string, NodeHighlight>>;
  /** Zoomed out past FAR_ZOOM: cards draw boxes only and handles are inert (see node-handle.tsx). */
  farZoom: boolean;
}

/** zustand's read side; a store of any state that extends `CanvasView` fits. */
export type CanvasViewStore = Pick<StoreApi<CanvasView>, "getState" | "getInitialState" | "subscribe">;

const CanvasViewContext = createContext<CanvasViewStore | null>(null);

export const CanvasViewProvider = CanvasViewContext.Provider;

export function useCanvasView<T>(selector: (view: CanvasView) => T): T {
  const store = useContext(CanvasViewContext);
  if (!store) throw new Error("Node cards must be rendered inside a CanvasViewProvider");
  return useStore(store, selector);
}

const NO_ISSUES: readonly IssueLike[] = [];

export const useNodeIssues = (nodeId: string): readonly IssueLike[] =>
  useCanvasView(useShallow((v) => ownEntry(v.issuesByNode, nodeId) ?? NO_ISSUES));

export const useNodeHighlight = (nodeId: string): NodeHighlight | undefined =>
  useCanvasView((v) => ownEntry(v.highlights, nodeId));

export const useIntegration = (id: string | null): IntegrationOption | undefined =>
  useCanvasView((v) => (id === null ? undefined : v.integrations[id]));

export const useIntegrationsLoaded = (): boolean => useCanvasView((v) => v.integrationsLoaded);

export const useReadOnly = (): boolean => useCanvasView((v) => v.readOnly);
