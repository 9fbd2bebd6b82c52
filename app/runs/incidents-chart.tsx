"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RouterOutputs } from "../_lib/trpc";
import { bucketLabel, bucketSpan, CHART_SERIES } from "./_lib/chart-series";
import { CHART_RANGES, type ChartRange } from "./_lib/run-filter-params";
import { STATUS_LABEL } from "./_lib/run-status";

type Stats = RouterOutputs["runs"]["stats"];
type Point = Stats["buckets"][number] & { label: string };

const RANGE_TITLE: Record<ChartRange, string> = {
  "24h": "last 24 hours, per hour",
  "7d": "last 7 days, per 6 hours",
  "30d": "last 30 days, per day",
};

interface Props {
  stats: Stats | undefined;
  range: ChartRange;
  onRangeChange: (range: ChartRange) => void;
}

export function IncidentsChart({ stats, range, onRangeChange }: Props) {
  const points: Point[] = (stats?.buckets ?? []).map((b) => ({ ...b, label: bucketLabel(b.start, range) }));
  const total = stats ? Object.values(stats.totals).reduce((a, b) => a + b, 0) : 0;
  return (
    <section className="rounded-lg border border-border bg-panel" aria-label="Incidents over time">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-border px-4 py-2">
        <h2 className="text-[13px] font-semibold">
          Incidents <span className="font-normal text-muted">{RANGE_TITLE[range]}</span>
        </h2>
        <ul className="flex flex-wrap items-center gap-3 text-[12px] text-muted">
          <li className="tabular-nums">
            <span className="font-medium text-fg">{total}</span> total
          </li>
          {[...CHART_SERIES].reverse().map((s) => (
            <li key={s.status} className="flex items-center gap-1.5">
              <span className="size-2 rounded-sm" style={{ background: s.color, opacity: s.opacity }} aria-hidden />
              {STATUS_LABEL[s.status]}
              <span className="font-medium text-fg tabular-nums">{stats?.totals[s.status] ?? 0}</span>
            </li>
          ))}
        </ul>
        <div className="ml-auto flex rounded-md border border-border p-0.5" role="group" aria-label="Chart range">
          {CHART_RANGES.map((r) => (
            <button
              key={r}
              type="button"
              aria-pressed={r === range}
              onClick={() => onRangeChange(r)}
              className={`h-5 rounded px-2 text-[11px] font-medium ${r === range ? "bg-raised text-fg" : "text-muted hover:text-fg"}`}
            >
              {r}
            </button>
          ))}
        </div>
      </header>
      <div className="h-36 px-2 pt-3 pb-1">
        {stats ? (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={points} margin={{ top: 0, right: 8, bottom: 0, left: -16 }} barCategoryGap="18%">
              <CartesianGrid vertical={false} stroke="var(--border)" />
              <XAxis
                dataKey="label"
                tickLine={false}
                axisLine={false}
                tick={{ fill: "var(--muted)", fontSize: 11 }}
                interval="preserveStartEnd"
                minTickGap={24}
              />
              <YAxis
                allowDecimals={false}
                tickLine={false}
                axisLine={false}
                tick={{ fill: "var(--muted)", fontSize: 11 }}
                width={48}
              />
              <Tooltip
                cursor={{ fill: "var(--raised)" }}
                content={({ active, payload }) => (
                  <BucketTooltip active={active} payload={payload} bucketHours={stats.bucketHours} />
                )}
                isAnimationActive={false}
              />
              {CHART_SERIES.map((s) => (
                <Bar
                  key={s.status}
                  dataKey={s.status}
                  stackId="runs"
                  fill={s.color}
                  fillOpacity={s.opacity}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        ) : (
          <div className="h-full animate-pulse rounded bg-raised" />
        )}
      </div>
    </section>
  );
}

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
  bucketHours: number;
}

function BucketTooltip({ active, payload, bucketHours }: TooltipProps) {
  const point = payload?.[0]?.payload;
  if (!active || !isPoint(point)) return null;
  return (
    <div className="rounded-md border border-border bg-panel px-3 py-2 text-[12px] shadow-lg">
      <div className="mb-1 font-medium">{bucketSpan(point.start, bucketHours)}</div>
      {[...CHART_SERIES].reverse().map((s) => (
        <div key={s.status} className="flex items-center justify-between gap-6 text-muted">
          <span className="flex items-center gap-1.5">
            <span className="size-2 rounded-sm" style={{ background: s.color, opacity: s.opacity }} aria-hidden />
            {STATUS_LABEL[s.status]}
          </span>
          <span className="text-fg tabular-nums">{point[s.status]}</span>
        </div>
      ))}
    </div>
  );
}

/** Recharts hands the hovered row back untyped. */
function isPoint(value: unknown): value is Point {
  return (
    typeof value === "object" &&
    value !== null &&
    "start" in value &&
    value.start instanceof Date &&
    "resolved" in value
  );
}
