import type { ChartRange } from "./run-filter-params";
import type { RunStatus } from "./run-status";

/** Stacked bottom to top: the calm majority first, what needs attention on top. */
export const CHART_SERIES: readonly { status: RunStatus; color: string; opacity: number }[] = [
  { status: "resolved", color: "var(--ok)", opacity: 0.75 },
  { status: "cancelled", color: "var(--muted)", opacity: 0.6 },
  { status: "failed", color: "var(--danger)", opacity: 0.5 },
  { status: "acknowledged", color: "var(--warn)", opacity: 0.9 },
  { status: "escalating", color: "var(--danger)", opacity: 1 },
];

const hour = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const dayHour = new Intl.DateTimeFormat(undefined, { weekday: "short", hour: "2-digit" });
const day = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });

/** Axis label of a bucket, in the viewer's time zone. */
export function bucketLabel(start: Date, range: ChartRange): string {
  if (range === "24h") return hour.format(start);
  if (range === "7d") return dayHour.format(start);
  return day.format(start);
}

const full = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

/** "Jun 15, 13:00 – 14:00" for the tooltip. */
export function bucketSpan(start: Date, bucketHours: number): string {
  const end = new Date(start.getTime() + bucketHours * 3_600_000);
  return `${full.format(start)} – ${bucketHours >= 24 ? full.format(end) : hour.format(end)}`;
}
