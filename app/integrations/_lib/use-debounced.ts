"use client";

import { useEffect, useState } from "react";

/** The value once it has stopped changing for `delayMs`; strings only, so equality is by value. */
export function useDebounced(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
