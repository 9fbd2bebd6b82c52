/**
 * The UI speaks minutes (fractional allowed) while documents store seconds; these helpers are the
 * one place that converts, so a value typed into the inspector reads back the same.
 */
const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Minutes typed by a person → stored seconds, to the millisecond (0.5 min = 30 s). */
export const minutesToSeconds = (minutes: number): number => round(minutes * 60, 3);

/** Stored seconds → the minutes shown in a form field (20 s = 0.3333 min). */
export const secondsToMinutes = (seconds: number): number => round(seconds / 60, 4);

/**
 * Short human text for node cards and tables: `30 s`, `1.5 min`, `15 min`, `1 h 30 min`; the
 * decimal separator follows `locale` (`1,5 min` in French and Dutch). Units are SI symbols, the
 * same in every interface language.
 */
export function formatDuration(seconds: number, locale = "en"): string {
  if (!Number.isFinite(seconds)) return "∞";
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, useGrouping: false }).format(value);
  if (seconds < 60) return `${number(seconds, 1)} s`;
  const minutes = seconds / 60;
  if (minutes < 60 || !Number.isInteger(minutes)) {
    return minutes < 60 ? `${number(minutes, 2)} min` : `${Math.floor(minutes / 60)} h ${number(minutes % 60, 2)} min`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A point in an incident as a clock offset: `+0:00`, `+15:00`, `+1:02:30`. */
export function formatOffset(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `+${h}:${pad(m)}:${pad(s)}` : `+${m}:${pad(s)}`;
}
