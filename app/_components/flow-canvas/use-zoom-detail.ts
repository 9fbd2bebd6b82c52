"use client";

import { useStore } from "@xyflow/react";
import { useEffect } from "react";
import type { StoreApi } from "zustand";
import type { CanvasView } from "./canvas-view";

/** Below this zoom a card's 11px text is under 5px tall: draw the boxes only. */
export const FAR_ZOOM = 0.45;

/**
 * "far" when zoomed out past FAR_ZOOM, mirrored into the canvas view store for the node cards.
 * It only flips at the threshold, so it re-renders twice per zoom gesture at most, not on every
 * wheel tick. Put it as `data-zoom` on an element around the canvas (see flow-canvas.css).
 */
export function useZoomDetail(view: Pick<StoreApi<CanvasView>, "setState">): "far" | "near" {
  const detail = useStore((s) => (s.transform[2] < FAR_ZOOM ? "far" : "near"));
  useEffect(() => view.setState({ farZoom: detail === "far" }), [view, detail]);
  return detail;
}
