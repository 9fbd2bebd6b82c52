"use client";

import { useMemo } from "react";
import type { NodeHighlight } from "~/app/_components/flow-canvas/canvas-types";
import { ReadOnlyFlow } from "~/app/_components/flow-canvas/read-only-flow";
import { templateCanvas } from "../_lib/template-canvas";
import { useNeedsPhrase } from "../_lib/use-needs-phrase";
import "./template-graph.css";
import type { TemplateSummary } from "../_lib/types";

interface Props {
  template: Pick<TemplateSummary, "graph" | "placeholders">;
  /** Thumbnails are inert and fitted; a large view can be panned and zoomed. */
  size?: "thumbnail" | "large";
  highlights?: Record<string, NodeHighlight>;
  className?: string;
}

/** A template's graph drawn read-only with the editor's node cards. */
export function TemplateGraph({ template, size = "thumbnail", highlights, className = "" }: Props) {
  const phrase = useNeedsPhrase();
  const { graph, integrations } = useMemo(() => templateCanvas(template, phrase), [template, phrase]);
  return (
    <div className={`overflow-hidden bg-bg ${className}`} data-testid="template-graph" data-template-graph={size}>
      <ReadOnlyFlow
        graph={graph}
        integrations={integrations}
        highlights={highlights}
        minimap={false}
        thumbnail={size === "thumbnail"}
      />
    </div>
  );
}
