"use client";

import { useStore } from "@xyflow/react";

/** Below this zoom a card's 11px text is under 5px tall: draw the boxes only. */
export const FAR_ZOOM = 0.45;

/**
 * "far" when zoomed out past FAR_ZOOM. Only flips at the threshold, so a component using it
 * re-renders twice per zoom gesture at most, not on every wheel tick. Set it as `data-zoom` on
 * an element around the canvas (see flow-canvas.css).
 */
export function useZoomDetail(): "far" | "near" {
  return useStore((s) => (s.transform[2] < FAR_ZOOM ? "far" : "near"));
}
