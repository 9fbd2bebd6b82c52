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
