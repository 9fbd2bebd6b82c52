"use client";

import { useFormatter } from "next-intl";
import { useCallback } from "react";

const UNITS = [
  { unit: "day", ms: 86_400_000 },
  { unit: "hour", ms: 3_600_000 },
  { unit: "minute", ms: 60_000 },
  { unit: "second", ms: 1_000 },
] as const;

/** "850 ms", "1.2 s", "4.5 min", "2 h" in the page's language: the largest unit the value reaches. */
export function useDurationFormat(): (ms: number) => string {
  const format = useFormatter();
  return useCallback(
    (ms: number) => {
      const unit = UNITS.find((u) => Math.abs(ms) >= u.ms);
      const [value, name] = unit ? [ms / unit.ms, unit.unit] : [ms, "millisecond"];
      return format.number(value, { style: "unit", unit: name, unitDisplay: "short", maximumFractionDigits: 1 });
    },
    [format],
  );
}
