"use client";

import { AxisBottom, AxisLeft } from "@visx/axis";
import { GridRows } from "@visx/grid";
import { Group } from "@visx/group";
import { useParentSize } from "@visx/responsive";
import { scaleBand, scaleLinear } from "@visx/scale";
import { BarStack } from "@visx/shape";
import { TooltipWithBounds, useTooltip } from "@visx/tooltip";
import { useLocale, useTranslations } from "next-intl";
import type { RouterOutputs } from "../_lib/trpc";
import { bucketLabel, bucketSpan, CHART_SERIES } from "./_lib/chart-series";
import { CHART_RANGES, type ChartRange } from "./_lib/run-filter-params";
import type { RunStatus } from "./_lib/run-status";
import { useStatusLabel } from "./_lib/use-status-label";

type Stats = RouterOutputs["runs"]["stats"];
type Point = Stats["buckets"][number] & { label: string };

interface Props {
  stats: Stats | undefined;
  range: ChartRange;
  onRangeChange: (range: ChartRange) => void;
}

export function IncidentsChart({ stats, range, onRangeChange }: Props) {
  const t = useTranslations("IncidentsChart");
  const statusLabel = useStatusLabel();
  const locale = useLocale();
  const points: Point[] = (stats?.buckets ?? []).map((b) => ({ ...b, label: bucketLabel(b.start, range, locale) }));
  const total = stats ? Object.values(stats.totals).reduce((a, b) => a + b, 0) : 0;
  return (
    <section className="rounded-lg border border-border bg-panel" aria-label={t("region")}>
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-border px-4 py-2">
        <h2 className="text-[13px] font-semibold">
          {t("title")} <span className="font-normal text-muted">{t(`range.${range}`)}</span>
        </h2>
        <ul className="flex flex-wrap items-center gap-3 text-[12px] text-muted">
          <li className="tabular-nums">
            {t.rich("total", {
              count: total,
              strong: (chunks) => <span className="font-medium text-fg">{chunks}</span>,
            })}
          </li>
          {[...CHART_SERIES].reverse().map((s) => (
            <li key={s.status} className="flex items-center gap-1.5">
              <span className="size-2 rounded-sm" style={{ background: s.color, opacity: s.opacity }} aria-hidden />
              {statusLabel(s.status)}
              <span className="font-medium text-fg tabular-nums">{stats?.totals[s.status] ?? 0}</span>
            </li>
          ))}
        </ul>
        <div className="ml-auto flex rounded-md border border-border p-0.5" role="group" aria-label={t("rangeLabel")}>
          {CHART_RANGES.map((r) => (
            <button
              key={r}
              type="button"
              aria-pressed={r === range}
              onClick={() => onRangeChange(r)}
              className={`h-5 rounded px-2 text-[11px] font-medium ${r === range ? "bg-raised text-fg" : "text-muted hover:text-fg"}`}
            >
              {t(`ranges.${r}`)}
            </button>
          ))}
        </div>
      </header>
      <div className="h-36 px-2 pt-3 pb-1">
        {stats ? (
          <StackedBars points={points} bucketHours={stats.bucketHours} label={t("bars")} statusLabel={statusLabel} />
        ) : (
          <div className="h-full animate-pulse rounded bg-raised" />
        )}
      </div>
    </section>
  );
}

const MARGIN = { top: 2, right: 8, bottom: 20, left: 32 };
const MIN_LABEL_GAP_PX = 64;
const TICK_LABEL = { fill: "var(--muted)", fontSize: 11 } as const;
const SERIES_KEYS = CHART_SERIES.map((s) => s.status);
const SERIES_STYLE = new Map(CHART_SERIES.map((s) => [s.status, s]));

const bucketKey = (p: Point) => p.start.toISOString();
const bucketTotal = (p: Point) => SERIES_KEYS.reduce((sum, status) => sum + p[status], 0);

interface BarsProps {
  points: Point[];
  bucketHours: number;
  label: string;
  statusLabel: (status: RunStatus) => string;
}

/** The runs per bucket, stacked by status; hovering a bucket shows its counts. */
function StackedBars({ points, bucketHours, label, statusLabel }: BarsProps) {
  // The hook, not <ParentSize>: that one wraps the chart in overflow:hidden, clipping the tooltip.
  const { parentRef, width, height } = useParentSize({ debounceTime: 50 });
  const tooltip = useTooltip<Point>();
  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const innerHeight = Math.max(0, height - MARGIN.top - MARGIN.bottom);
  const x = scaleBand<string>({ domain: points.map(bucketKey), range: [0, innerWidth], paddingInner: 0.18 });
  const y = scaleLinear<number>({
    domain: [0, Math.max(1, ...points.map(bucketTotal))],
    range: [innerHeight, 0],
    nice: true,
  });
  const yTicks = y.ticks(4).filter(Number.isInteger);
  // Labels at least MIN_LABEL_GAP_PX apart, counted back from the latest bucket (always labelled).
  const every = Math.max(1, Math.ceil(MIN_LABEL_GAP_PX / Math.max(1, x.step())));
  const xTicks = points.filter((_, i) => (points.length - 1 - i) % every === 0).map(bucketKey);
  const labels = new Map(points.map((p) => [bucketKey(p), p.label]));
  const hovered = tooltip.tooltipOpen && tooltip.tooltipData ? bucketKey(tooltip.tooltipData) : null;
  return (
    <div ref={parentRef} className="relative h-full w-full">
      {width > 0 && height > 0 ? (
        <svg width={width} height={height} role="img" aria-label={label}>
          <Group left={MARGIN.left} top={MARGIN.top}>
            <GridRows scale={y} width={innerWidth} tickValues={yTicks} stroke="var(--border)" />
            {points.map((p) => (
              <rect
                key={bucketKey(p)}
                x={(x(bucketKey(p)) ?? 0) - (x.step() - x.bandwidth()) / 2}
                width={x.step()}
                height={innerHeight}
                fill={hovered === bucketKey(p) ? "var(--raised)" : "transparent"}
                onMouseMove={(e) => {
                  const box = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
                  tooltip.showTooltip({
                    tooltipData: p,
                    tooltipLeft: e.clientX - (box?.left ?? 0),
                    tooltipTop: e.clientY - (box?.top ?? 0),
                  });
                }}
                onMouseLeave={tooltip.hideTooltip}
              />
            ))}
            <BarStack<Point, RunStatus>
              data={points}
              keys={SERIES_KEYS}
              x={bucketKey}
              xScale={x}
              yScale={y}
              color={(status) => SERIES_STYLE.get(status)?.color ?? "var(--muted)"}
            >
              {(stacks) =>
                stacks.map((stack) =>
                  stack.bars
                    .filter((bar) => bar.height > 0)
                    .map((bar) => (
                      <rect
                        key={`${stack.key}-${bar.index}`}
                        x={bar.x}
                        y={bar.y}
                        width={bar.width}
                        height={bar.height}
                        fill={bar.color}
                        fillOpacity={SERIES_STYLE.get(stack.key)?.opacity ?? 1}
                        pointerEvents="none"
                      />
                    )),
                )
              }
            </BarStack>
            <AxisLeft
              scale={y}
              tickValues={yTicks}
              tickFormat={(v) => String(v)}
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
      {tooltip.tooltipOpen && tooltip.tooltipData ? (
        <TooltipWithBounds
          left={tooltip.tooltipLeft}
          top={tooltip.tooltipTop}
          unstyled
          applyPositionStyle
          className="pointer-events-none z-10"
        >
          <BucketTooltip point={tooltip.tooltipData} bucketHours={bucketHours} statusLabel={statusLabel} />
        </TooltipWithBounds>
      ) : null}
    </div>
  );
}

function BucketTooltip({
  point,
  bucketHours,
  statusLabel,
}: {
  point: Point;
  bucketHours: number;
  statusLabel: (status: RunStatus) => string;
}) {
  const locale = useLocale();
  return (
    <div className="rounded-md border border-border bg-panel px-3 py-2 text-[12px] shadow-lg">
      <div className="mb-1 font-medium">{bucketSpan(point.start, bucketHours, locale)}</div>
      {[...CHART_SERIES].reverse().map((s) => (
        <div key={s.status} className="flex items-center justify-between gap-6 text-muted">
          <span className="flex items-center gap-1.5">
            <span className="size-2 rounded-sm" style={{ background: s.color, opacity: s.opacity }} aria-hidden />
            {statusLabel(s.status)}
          </span>
          <span className="text-fg tabular-nums">{point[s.status]}</span>
        </div>
      ))}
    </div>
  );
}
