"use client";

import { useEffect, useState } from "react";

/** The current time, re-read every `everyMs`, for durations and "ago" labels that keep moving. */
export function useNow(everyMs = 10_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
