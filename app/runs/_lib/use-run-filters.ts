"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import { parseRunFilters, runFiltersQuery, type RunFilters } from "./run-filter-params";

/**
 * Filters live in React state and are mirrored into the query string, so a link or a reload
 * shows the same runs. The URL is read once: writing it back on every keystroke and reading
 * it again would race the text field.
 */
export function useRunFilters() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const [filters, setFiltersState] = useState<RunFilters>(() =>
    parseRunFilters(new URLSearchParams(searchParams.toString())),
  );
  const setFilters = useCallback(
    (patch: Partial<RunFilters>) => {
      const next = { ...filters, ...patch };
      setFiltersState(next);
      // replaceState (which Next.js keeps its router in step with) avoids a server round trip
      // and a history entry per keystroke.
      window.history.replaceState(null, "", `${pathname}${runFiltersQuery(next)}`);
    },
    [filters, pathname],
  );
  return { filters, setFilters };
}
