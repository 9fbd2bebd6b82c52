"use client";

import { AxisBottom, AxisLeft } from "@visx/axis";
import { GridRows } from "@visx/grid";
import { Group } from "@visx/group";
import { useParentSize } from "@visx/responsive";
import { scaleBand, scaleLinear } from "@visx/scale";
import { LinePath } from "@visx/shape";
import { TooltipWithBounds, useTooltip } from "@visx/tooltip";

export interface Series {
  key: string;
  label: string;
  color: string;
  /** One value per bucket; null where there is nothing to show (no message, no acknowledgement). */
  values: readonly (number | null)[];
}

interface Props {
  kind: "bars" | "lines";
  /** Bucket starts, oldest first. */
  buckets: readonly Date[];
  bucketLabel: (start: Date) => string;
  bucketSpan: (start: Date) => string;
  series: readonly Series[];
  formatValue: (value: number) => string;
  /** For screen readers: what the chart shows. */
  label: string;
}

// Room on the right for the last bucket's label, which is centred on its bar.
const MARGIN = { top: 6, right: 28, bottom: 20, left: 52 };
const MIN_LABEL_GAP_PX = 64;
const TICK_LABEL = { fill: "var(--muted)", fontSize: 11 } as const;

/**
 * One measure over the insight window's buckets: stacked bars (counts) or lines (durations, with
 * gaps where a bucket has no value). Hovering a bucket shows every series' value in it.
 */
export function TimeSeriesChart({ kind, buckets, bucketLabel, bucketSpan, series, formatValue, label }: Props) {
  const { parentRef, width, height } = useParentSize({ debounceTime: 50 });
  const tooltip = useTooltip<number>();
  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const innerHeight = Math.max(0, height - MARGIN.top - MARGIN.bottom);
  const keys = buckets.map((b) => b.toISOString());
  const x = scaleBand<string>({ domain: keys, range: [0, innerWidth], paddingInner: kind === "bars" ? 0.2 : 0 });
  const totals = buckets.map((_, i) =>
    kind === "bars"
      ? series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)
      : Math.max(0, ...series.map((s) => s.values[i] ?? 0)),
  );
  const y = scaleLinear<number>({ domain: [0, Math.max(1, ...totals)], range: [innerHeight, 0], nice: true });
  const yTicks = y.ticks(4).filter((v) => kind === "lines" || Number.isInteger(v));
  const every = Math.max(1, Math.ceil(MIN_LABEL_GAP_PX / Math.max(1, x.step())));
  const xTicks = keys.filter((_, i) => (keys.length - 1 - i) % every === 0);
  const labels = new Map(buckets.map((b) => [b.toISOString(), bucketLabel(b)]));
  const centre = (i: number) => (x(keys[i] ?? "") ?? 0) + x.bandwidth() / 2;
  const hovered = tooltip.tooltipOpen ? tooltip.tooltipData : undefined;

  return (
    <div ref={parentRef} className="relative h-full w-full">
      {width > 0 && height > 0 ? (
        <svg width={width} height={height} role="img" aria-label={label}>
          <Group left={MARGIN.left} top={MARGIN.top}>
            <GridRows scale={y} width={innerWidth} tickValues={yTicks} stroke="var(--border)" />
            {keys.map((key, i) => (
              <rect
                key={key}
                x={(x(key) ?? 0) - (x.step() - x.bandwidth()) / 2}
                width={x.step()}
                height={innerHeight}
                fill={hovered === i ? "var(--raised)" : "transparent"}
                onMouseMove={(e) => {
                  const box = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
                  tooltip.showTooltip({
                    tooltipData: i,
                    tooltipLeft: e.clientX - (box?.left ?? 0),
                    tooltipTop: e.clientY - (box?.top ?? 0),
                  });
                }}
                onMouseLeave={tooltip.hideTooltip}
              />
            ))}
            {kind === "bars"
              ? keys.map((key, i) => {
                  let below = 0;
                  return series.map((s) => {
                    const value = s.values[i] ?? 0;
                    if (value <= 0) return null;
                    const bottom = y(below);
                    below += value;
                    return (
                      <rect
                        key={`${s.key}-${key}`}
                        x={x(key)}
                        y={y(below)}
                        width={x.bandwidth()}
                        height={bottom - y(below)}
                        fill={s.color}
                        pointerEvents="none"
                      />
                    );
                  });
                })
              : series.map((s) => (
                  <g key={s.key} pointerEvents="none">
                    <LinePath<number>
                      data={keys.map((_, i) => i)}
                      x={centre}
                      y={(i) => y(s.values[i] ?? 0)}
                      defined={(i) => s.values[i] !== null && s.values[i] !== undefined}
                      stroke={s.color}
                      strokeWidth={1.75}
                    />
                    {s.values.map((v, i) =>
                      v === null ? null : <circle key={keys[i]} cx={centre(i)} cy={y(v)} r={2} fill={s.color} />,
                    )}
                  </g>
                ))}
            <AxisLeft
              scale={y}
              tickValues={yTicks}
              tickFormat={(v) => formatValue(Number(v))}
              hideAxisLine
              hideTicks
              tickLabelProps={{ ...TICK_LABEL, textAnchor: "end", dx: -4, dy: "0.33em" }}
            />
            <AxisBottom
              top={innerHeight}
              scale={x}
              tickValues={xTicks}
              tickFormat={(key) => labels.get(key) ?? ""}
              hideAxisLine
              hideTicks
              tickLabelProps={{ ...TICK_LABEL, textAnchor: "middle", dy: -2 }}
            />
          </Group>
        </svg>
      ) : null}
      {hovered !== undefined && buckets[hovered] ? (
        <TooltipWithBounds
          left={tooltip.tooltipLeft}
          top={tooltip.tooltipTop}
          unstyled
          applyPositionStyle
          className="pointer-events-none z-10"
        >
          <div className="rounded-md border border-border bg-panel px-3 py-2 text-[12px] shadow-lg">
            <div className="mb-1 font-medium">{bucketSpan(buckets[hovered])}</div>
            {series.map((s) => {
              const v = s.values[hovered];
              return (
                <div key={s.key} className="flex items-center justify-between gap-6 text-muted">
                  <span className="flex items-center gap-1.5">
                    <span className="size-2 rounded-sm" style={{ background: s.color }} aria-hidden />
                    {s.label}
                  </span>
                  <span className="text-fg tabular-nums">{v === null || v === undefined ? "—" : formatValue(v)}</span>
                </div>
              );
            })}
          </div>
        </TooltipWithBounds>
      ) : null}
    </div>
  );
}
