const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Compact, two units at most: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)} s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) {
    const h = Math.floor(ms / HOUR);
    const m = Math.floor((ms % HOUR) / MINUTE);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/** "just now", "4 min ago", "3 h ago", "2 d ago"; older than a week falls back to a date. */
export function formatAgo(at: Date, now: Date): string {
  const ms = now.getTime() - at.getTime();
  if (ms < 45 * SECOND) return "just now";
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min ago`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h ago`;
  if (ms < 7 * DAY) return `${Math.floor(ms / DAY)} d ago`;
  return formatDate(at);
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
const date = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });
const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

export const formatDateTime = (at: Date) => dateTime.format(at);
export const formatDate = (at: Date) => date.format(at);
export const formatTime = (at: Date) => time.format(at);

/** Milliseconds from the first error until the run ended, or until now while it is open. */
export function runDurationMs(
  run: { firstErrorAt: Date; resolvedAt: Date | null },
  open: boolean,
  now: Date,
  endedAt?: Date,
): number | null {
  if (run.resolvedAt) return run.resolvedAt.getTime() - run.firstErrorAt.getTime();
  if (open) return now.getTime() - run.firstErrorAt.getTime();
  return endedAt ? endedAt.getTime() - run.firstErrorAt.getTime() : null;
}

/** Pretty JSON when the text is JSON, the text itself otherwise. */
export function prettyBody(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return text;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return text;
  }
}

/** Time since the first error as a clock: "+0:07", "+12:30", "+1:02:03". Earlier is "−0:01". */
export function formatOffset(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  // Clocks of the endpoint and the workflow differ by milliseconds: never print "−0:00".
  const sign = ms < 0 && total > 0 ? "−" : "+";
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, "0")}:${s}` : `${sign}${m}:${s}`;
}
