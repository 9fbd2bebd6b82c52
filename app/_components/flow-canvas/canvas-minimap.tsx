"use client";

import { MiniMap, Panel, useReactFlow, useStoreApi, type Node, type ReactFlowState } from "@xyflow/react";
import { useEffect, useRef, useSyncExternalStore, type PointerEvent, type WheelEvent } from "react";
import type { NodeKind } from "~/core/flow/document";
import { isNodeKind } from "./nodes/node-registry";

const WIDTH = 200;
const HEIGHT = 140;
const PADDING = 40;

interface Colors {
  kinds: Record<NodeKind, string>;
  other: string;
  view: string;
}

/** Read once per theme: getComputedStyle on every frame would force a style pass mid-drag. */
function readColors(element: Element): Colors {
  const css = getComputedStyle(element);
  const token = (name: string) => css.getPropertyValue(name).trim() || "#888";
  return {
    kinds: { trigger: token("--accent"), level: token("--warn"), branch: token("--muted"), integration: token("--ok") },
    other: token("--muted"),
    view: token("--accent"),
  };
}

interface Frame {
  scale: number;
  /** Flow coordinates of the minimap's top-left corner. */
  x: number;
  y: number;
}

function frameOf(state: ReactFlowState): Frame {
  const [tx, ty, zoom] = state.transform;
  let minX = -tx / zoom;
  let minY = -ty / zoom;
  let maxX = minX + state.width / zoom;
  let maxY = minY + state.height / zoom;
  for (const node of state.nodeLookup.values()) {
    const { x, y } = node.internals.positionAbsolute;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + (node.measured.width ?? 0));
    maxY = Math.max(maxY, y + (node.measured.height ?? 0));
  }
  const scale = Math.min(WIDTH / (maxX - minX + 2 * PADDING), HEIGHT / (maxY - minY + 2 * PADDING));
  // Centre the drawing in the box.
  return { scale, x: (minX + maxX) / 2 - WIDTH / 2 / scale, y: (minY + maxY) / 2 - HEIGHT / 2 / scale };
}

function draw(canvas: HTMLCanvasElement, state: ReactFlowState, colors: Colors) {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const ratio = window.devicePixelRatio || 1;
  const { scale, x: fx, y: fy } = frameOf(state);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, WIDTH, HEIGHT);
  for (const node of state.nodeLookup.values()) {
    const { x, y } = node.internals.positionAbsolute;
    ctx.fillStyle = node.type && isNodeKind(node.type) ? colors.kinds[node.type] : colors.other;
    ctx.globalAlpha = node.selected ? 1 : 0.75;
    ctx.fillRect(
      (x - fx) * scale,
      (y - fy) * scale,
      Math.max(1, (node.measured.width ?? 0) * scale),
      Math.max(1, (node.measured.height ?? 0) * scale),
    );
  }
  ctx.globalAlpha = 1;
  const [tx, ty, zoom] = state.transform;
  ctx.strokeStyle = colors.view;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(
    (-tx / zoom - fx) * scale,
    (-ty / zoom - fy) * scale,
    (state.width / zoom) * scale,
    (state.height / zoom) * scale,
  );
}

/**
 * An overview of the whole flow drawn on a <canvas>, repainted at most once per frame. React
 * Flow's <MiniMap> keeps one store subscription and one SVG element per node; on a 500-node
 * flow that alone cost a third of every drag frame. Click or drag to move the view; wheel zooms.
 */
export function CanvasMinimap() {
  return useBenchmarkedBuiltin() ? <ReactFlowMinimap /> : <CustomMinimap />;
}

function CustomMinimap() {
  const store = useStoreApi();
  const { setCenter, getZoom, zoomIn, zoomOut } = useReactFlow();
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = WIDTH * ratio;
    canvas.height = HEIGHT * ratio;
    let colors = readColors(canvas);
    let pending = 0;
    const schedule = () => {
      if (pending !== 0) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        draw(canvas, store.getState(), colors);
      });
    };
    schedule();
    const unsubscribe = store.subscribe(schedule);
    // Theme switches change the colour tokens.
    const themes = new MutationObserver(() => {
      colors = readColors(canvas);
      schedule();
    });
    themes.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    return () => {
      unsubscribe();
      themes.disconnect();
      cancelAnimationFrame(pending);
    };
  }, [store]);

  const moveViewTo = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const frame = frameOf(store.getState());
    void setCenter(
      frame.x + (event.clientX - rect.left) / frame.scale,
      frame.y + (event.clientY - rect.top) / frame.scale,
      { zoom: getZoom() },
    );
  };
  const onWheel = (event: WheelEvent<HTMLCanvasElement>) => void (event.deltaY < 0 ? zoomIn() : zoomOut());

  return (
    <Panel position="bottom-right">
      <canvas
        ref={canvasRef}
        role="img"
        aria-label="Minimap of the whole flow"
        data-testid="minimap"
        className="block cursor-pointer rounded-md border border-border bg-panel shadow-sm"
        style={{ width: WIDTH, height: HEIGHT }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveViewTo(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons === 1) moveViewTo(e);
        }}
        onWheel={onWheel}
      />
    </Panel>
  );
}

const KIND_COLOR: Record<NodeKind, string> = {
  trigger: "var(--accent)",
  level: "var(--warn)",
  branch: "var(--muted)",
  integration: "var(--ok)",
};

/** React Flow's own <MiniMap>, configured like the custom one: what scripts/bench-canvas.ts compares. */
function ReactFlowMinimap() {
  return (
    <MiniMap
      pannable
      zoomable
      ariaLabel="Minimap of the whole flow"
      nodeColor={(node: Node) => (node.type && isNodeKind(node.type) ? KIND_COLOR[node.type] : "var(--muted)")}
      maskColor="transparent"
      maskStrokeColor="var(--accent)"
      maskStrokeWidth={1.5}
      style={{ width: WIDTH, height: HEIGHT }}
      className="rounded-md border border-border bg-panel shadow-sm"
    />
  );
}

const BENCH_FLAG = "__alertflowMinimap";
const noSubscription = () => () => undefined;

/** The benchmark sets `window.__alertflowMinimap = "react-flow"` before the page loads, so one build measures both. */
function useBenchmarkedBuiltin(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => BENCH_FLAG in window && window[BENCH_FLAG] === "react-flow",
    () => false,
  );
}
