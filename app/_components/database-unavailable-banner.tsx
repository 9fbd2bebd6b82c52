"use client";

import { useQueryClient } from "@tanstack/react-query";
import { DatabaseZap } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useSyncExternalStore } from "react";
import { isServiceUnavailable } from "../_lib/service-unavailable";

/**
 * Says "database unavailable, retrying" while any query's last try was answered 503 by the
 * server (queries keep retrying meanwhile), and goes away at the first answer after it.
 */
export function DatabaseUnavailableBanner() {
  const t = useTranslations("ErrorPages");
  const cache = useQueryClient().getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const unavailable = useSyncExternalStore(
    subscribe,
    () => cache.getAll().some((q) => isServiceUnavailable(q.state.fetchFailureReason)),
    () => false,
  );
  if (!unavailable) return null;
  return (
    <div
      role="status"
      className="fixed top-3 left-1/2 z-50 flex -translate-x-1/2 items-center gap-2 rounded-md border border-warn/40 bg-raised px-3 py-1.5 text-[13px] shadow-md"
    >
      <DatabaseZap className="size-4 text-warn" aria-hidden />
      {t("databaseUnavailable")}
    </div>
  );
}
