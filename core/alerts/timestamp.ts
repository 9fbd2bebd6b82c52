/**
 * Timestamps arrive as Go RFC 3339 with nanoseconds (Alertmanager, Grafana), as ISO without an
 * offset (Uptrends' `timestampUtc`) or as plain ISO. `Date.parse` treats offset-less values as
 * local time and is lenient about garbage, so parse the one grammar we accept by hand.
 */
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/** Canonical `YYYY-MM-DDTHH:mm:ss.sssZ`, or undefined when `raw` is not an ISO 8601 date-time. */
export function toIsoTimestamp(raw: string): string | undefined {
  const m = ISO_TIMESTAMP.exec(raw.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6] ?? "0");
  const millis = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;

  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999 (Go's zero time is year 1).
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  if (date.getUTCDate() !== day) return undefined; // 2024-02-30 rolled over into March

  if (m[9] !== undefined) {
    const offsetHours = Number(m[10]);
    const offsetMinutes = Number(m[11]);
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    const sign = m[9] === "-" ? -1 : 1;
    date.setTime(date.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
  }
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Go marshals an unset `time.Time` as `0001-01-01T00:00:00Z`; Alertmanager uses it for "no end yet". */
export function isGoZeroTime(iso: string): boolean {
  return iso.startsWith("0001-01-01T");
}
