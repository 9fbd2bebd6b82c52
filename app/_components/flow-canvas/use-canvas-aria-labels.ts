"use client";

import type { AriaLabelConfig } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";

const DIRECTIONS = new Set(["up", "down", "left", "right"]);

/**
 * React Flow's own texts (the zoom buttons' tooltips, the minimap's and handles' names, the
 * keyboard hints screen readers announce) in the page's language; React Flow writes them in English.
 */
export function useCanvasAriaLabels(): Partial<AriaLabelConfig> {
  const t = useTranslations("CanvasLabels");
  return useMemo(
    () => ({
      "node.a11yDescription.default": t("nodeHint"),
      "node.a11yDescription.keyboardDisabled": t("nodeMoveHint"),
      "node.a11yDescription.ariaLiveMessage": ({ direction, x, y }) =>
        t("nodeMoved", { direction: DIRECTIONS.has(direction) ? direction : "other", x, y }),
      "edge.a11yDescription.default": t("edgeHint"),
      "controls.ariaLabel": t("controls"),
      "controls.zoomIn.ariaLabel": t("zoomIn"),
      "controls.zoomOut.ariaLabel": t("zoomOut"),
      "controls.fitView.ariaLabel": t("fitView"),
      "controls.interactive.ariaLabel": t("interactive"),
      "minimap.ariaLabel": t("minimap"),
      "handle.ariaLabel": t("handle"),
    }),
    [t],
  );
}
