/**
 * The date filters' values: ISO instants in the URL (unchanged from the native inputs they
 * replace), shown and picked as a calendar day and a 24-hour time in the viewer's time zone.
 */

const TIME = /^\s*([01]?\d|2[0-3])\s*[:.hH]\s*([0-5]\d)\s*$/;

/** Hours and minutes of "14:30", "9:05", "14.30" or "14h30" (French); undefined otherwise. */
export function parseTimeOfDay(text: string): { hours: number; minutes: number } | undefined {
  const match = TIME.exec(text);
  if (!match) return undefined;
  return { hours: Number(match[1]), minutes: Number(match[2]) };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "HH:mm" of an instant in the viewer's time zone; `fallback` when there is none. */
export function timeOfDay(iso: string | undefined, fallback: string): string {
  const at = iso ? new Date(iso) : undefined;
  if (!at || Number.isNaN(at.getTime())) return fallback;
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The calendar day of an instant (local midnight), for the calendar to show as selected. */
export function dayOf(iso: string | undefined): Date | undefined {
  const at = iso ? new Date(iso) : undefined;
  if (!at || Number.isNaN(at.getTime())) return undefined;
  return new Date(at.getFullYear(), at.getMonth(), at.getDate());
}

/** `day`'s calendar date at `time` in the viewer's time zone, as an ISO instant; undefined when the time does not read. */
export function atTimeOfDay(day: Date, time: string): string | undefined {
  const parsed = parseTimeOfDay(time);
  if (!parsed) return undefined;
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), parsed.hours, parsed.minutes).toISOString();
}
