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

const formats = new Map<string, Record<"hour" | "dayHour" | "day" | "full", Intl.DateTimeFormat>>();

/** In the page's language (not the browser's), in the viewer's time zone; made once per language. */
function formatsFor(locale: string) {
  let found = formats.get(locale);
  if (!found) {
    found = {
      hour: new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" }),
      // With minutes, so an hour does not read as a day of the month ("ma, 18" in Dutch).
      dayHour: new Intl.DateTimeFormat(locale, { weekday: "short", hour: "2-digit", minute: "2-digit" }),
      day: new Intl.DateTimeFormat(locale, { month: "short", day: "numeric" }),
      full: new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }),
    };
    formats.set(locale, found);
  }
  return found;
}

/** Axis label of a bucket. */
export function bucketLabel(start: Date, range: ChartRange, locale: string): string {
  const { hour, dayHour, day } = formatsFor(locale);
  if (range === "24h") return hour.format(start);
  if (range === "7d") return dayHour.format(start);
  return day.format(start);
}

/** "Jun 15, 13:00 – 14:00" for the tooltip. */
export function bucketSpan(start: Date, bucketHours: number, locale: string): string {
  const { hour, full } = formatsFor(locale);
  const end = new Date(start.getTime() + bucketHours * 3_600_000);
  return `${full.format(start)} – ${bucketHours >= 24 ? full.format(end) : hour.format(end)}`;
}
