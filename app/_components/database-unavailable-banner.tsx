"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import { isServiceUnavailable } from "../_lib/service-unavailable";
import { DatabaseUnavailableStatus } from "./database-unavailable-status";

/**
 * Says "database unavailable, retrying" while any query's last try was answered 503 by the
 * server (queries keep retrying meanwhile), and goes away at the first answer after it.
 */
export function DatabaseUnavailableBanner() {
  const cache = useQueryClient().getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const unavailable = useSyncExternalStore(
    subscribe,
    () => cache.getAll().some((q) => isServiceUnavailable(q.state.fetchFailureReason)),
    () => false,
  );
  if (!unavailable) return null;
  return <DatabaseUnavailableStatus className="fixed top-3 left-1/2 z-50 -translate-x-1/2" />;
}
