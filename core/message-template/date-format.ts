/**
 * A subset of .NET date and time format strings, enough for the `@DateTime` automatic variable
 * and the "formatted" alert timestamps. Dates are formatted from their UTC fields: callers shift
 * a date into another zone first (see `shiftToTimeZone`).
 */
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** ISO 8601 without offset or fraction, the form Uptrends uses for `timestampUtc`. */
export function isoWithoutOffset(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** Standard (single-letter) .NET formats that have a fixed, culture-free meaning. */
function standardFormat(date: Date, format: string): string | undefined {
  switch (format) {
    case "o":
    case "O":
      return `${date.toISOString().slice(0, 23)}0000Z`;
    case "s":
      return isoWithoutOffset(date);
    case "u":
      return `${isoWithoutOffset(date).replace("T", " ")}Z`;
    case "r":
    case "R":
      return date.toUTCString();
    default:
      return undefined;
  }
}

function field(date: Date, token: string): string | undefined {
  const hours = date.getUTCHours();
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  switch (token) {
    case "yyyy":
      return pad(date.getUTCFullYear(), 4);
    case "yy":
      return pad(date.getUTCFullYear() % 100, 2);
    case "y":
      return String(date.getUTCFullYear() % 100);
    case "MMMM":
      return MONTHS[date.getUTCMonth()];
    case "MMM":
      return MONTHS[date.getUTCMonth()]?.slice(0, 3);
    case "MM":
      return pad(date.getUTCMonth() + 1, 2);
    case "M":
      return String(date.getUTCMonth() + 1);
    case "dddd":
      return DAYS[date.getUTCDay()];
    case "ddd":
      return DAYS[date.getUTCDay()]?.slice(0, 3);
    case "dd":
      return pad(date.getUTCDate(), 2);
    case "d":
      return String(date.getUTCDate());
    case "HH":
      return pad(hours, 2);
    case "H":
      return String(hours);
    case "hh":
      return pad(h12, 2);
    case "h":
      return String(h12);
    case "mm":
      return pad(date.getUTCMinutes(), 2);
    case "m":
      return String(date.getUTCMinutes());
    case "ss":
      return pad(date.getUTCSeconds(), 2);
    case "s":
      return String(date.getUTCSeconds());
    case "fff":
      return pad(date.getUTCMilliseconds(), 3);
    case "ff":
      return pad(Math.floor(date.getUTCMilliseconds() / 10), 2);
    case "f":
      return String(Math.floor(date.getUTCMilliseconds() / 100));
    case "tt":
      return hours < 12 ? "AM" : "PM";
    case "t":
      return hours < 12 ? "A" : "P";
    case "K":
    case "Z":
      return "Z";
    case "zzz":
      return "+00:00";
    default:
      return undefined;
  }
}

// Longest first, so "yyyy" wins over "yy" and "MMMM" over "MM".
const TOKENS = [
  "yyyy",
  "MMMM",
  "dddd",
  "fff",
  "MMM",
  "ddd",
  "zzz",
  "yy",
  "MM",
  "dd",
  "HH",
  "hh",
  "mm",
  "ss",
  "ff",
  "tt",
  "y",
  "M",
  "d",
  "H",
  "h",
  "m",
  "s",
  "f",
  "t",
  "K",
  "Z",
];

/** Formats `date` with a .NET custom format string (or one of the standard formats o, s, u, R). */
export function formatDotNet(date: Date, format: string): string {
  const standard = standardFormat(date, format);
  if (standard !== undefined) return standard;
  let out = "";
  let i = 0;
  while (i < format.length) {
    const ch = format.charAt(i);
    if (ch === "'" || ch === '"') {
      const end = format.indexOf(ch, i + 1);
      const stop = end === -1 ? format.length : end;
      out += format.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (ch === "\\" && i + 1 < format.length) {
      out += format.charAt(i + 1);
      i += 2;
      continue;
    }
    const token = TOKENS.find((t) => format.startsWith(t, i));
    const value = token === undefined ? undefined : field(date, token);
    if (token !== undefined && value !== undefined) {
      out += value;
      i += token.length;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/**
 * Moves `date` so that its UTC fields show the wall-clock time in `timeZone` (IANA name).
 * Unknown zones fall back to UTC rather than failing a delivery.
 */
export function shiftToTimeZone(date: Date, timeZone: string): Date {
  if (timeZone === "UTC") return date;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).formatToParts(date);
  } catch {
    return date;
  }
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return new Date(wall + date.getUTCMilliseconds());
}

/** `H:mm:ss` where hours may pass 24, as Uptrends renders `downtimeDuration`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  return `${hours}:${pad(minutes, 2)}:${pad(total % 60, 2)}`;
}

const MONTH_OFFSETS = {
  firstdayofmonth: [0, "first"],
  lastdayofmonth: [0, "last"],
  firstdayofpreviousmonth: [-1, "first"],
  lastdayofpreviousmonth: [-1, "last"],
  firstdayofnextmonth: [1, "first"],
  lastdayofnextmonth: [1, "last"],
} as const satisfies Record<string, readonly [number, "first" | "last"]>;

function isMonthOffset(key: string): key is keyof typeof MONTH_OFFSETS {
  return Object.hasOwn(MONTH_OFFSETS, key);
}

/** True when `text` is a valid `@DateTime` offset: ±seconds or a named day of a month. */
export function isDateOffset(text: string): boolean {
  const t = text.trim();
  return /^[+-]?\d+$/.test(t) || isMonthOffset(t.toLowerCase());
}

/** Applies a `@DateTime` offset; the time of day is kept for the named month offsets. */
export function applyDateOffset(date: Date, offset: string): Date {
  const t = offset.trim();
  if (/^[+-]?\d+$/.test(t)) return new Date(date.getTime() + Number(t) * 1000);
  const key = t.toLowerCase();
  if (!isMonthOffset(key)) throw new RangeError(`"${offset}" is not an offset in seconds or a named day`);
  const [months, which] = MONTH_OFFSETS[key];
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months + (which === "last" ? 1 : 0);
  const day = which === "first" ? 1 : 0; // day 0 of the next month is the last day of this one
  const timeOfDay = date.getTime() - Date.UTC(year, date.getUTCMonth(), date.getUTCDate());
  return new Date(Date.UTC(year, month, day) + timeOfDay);
}
