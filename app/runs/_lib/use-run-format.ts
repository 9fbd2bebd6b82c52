"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Translate = ReturnType<typeof useTranslations<"RunFormat">>;
type Formatter = ReturnType<typeof useFormatter>;

/** Dates, times, durations and "ago" in the page's language and time zone. */
export function useRunFormat() {
  const t = useTranslations("RunFormat");
  const format = useFormatter();
  return useMemo(() => runFormatWith(t, format), [t, format]);
}

export type RunFormat = ReturnType<typeof runFormatWith>;

export function runFormatWith(t: Translate, format: Formatter) {
  const dateTime = (at: Date) =>
    format.dateTime(at, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const date = (at: Date) => format.dateTime(at, { year: "numeric", month: "short", day: "numeric" });
  const time = (at: Date) => format.dateTime(at, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

  /** Compact, two units at most: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
  const duration = (ms: number): string => {
    if (!Number.isFinite(ms) || ms < 0) return "—";
    if (ms < MINUTE) return t("seconds", { s: Math.floor(ms / SECOND) });
    if (ms < HOUR) return t("minutes", { m: Math.floor(ms / MINUTE) });
    if (ms < DAY) {
      const h = Math.floor(ms / HOUR);
      const m = Math.floor((ms % HOUR) / MINUTE);
      return m ? t("hoursMinutes", { h, m }) : t("hours", { h });
    }
    const d = Math.floor(ms / DAY);
    const h = Math.floor((ms % DAY) / HOUR);
    return h ? t("daysHours", { d, h }) : t("days", { d });
  };

  /** "just now", "4 min ago", "3 h ago", "2 d ago"; older than a week falls back to a date. */
  const ago = (at: Date, now: Date): string => {
    const ms = now.getTime() - at.getTime();
    if (ms < 45 * SECOND) return t("justNow");
    if (ms < HOUR) return t("minutesAgo", { m: Math.max(1, Math.round(ms / MINUTE)) });
    if (ms < DAY) return t("hoursAgo", { h: Math.floor(ms / HOUR) });
    if (ms < 7 * DAY) return t("daysAgo", { d: Math.floor(ms / DAY) });
    return date(at);
  };

  /** A wait in seconds: "1.0 s" (one decimal under 10 s), "30 s". */
  const seconds = (ms: number): string => {
    const digits = ms < 10_000 ? 1 : 0;
    return t("seconds", {
      s: format.number(ms / 1000, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    });
  };

  return { dateTime, date, time, duration, ago, seconds };
}
