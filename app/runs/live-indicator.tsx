"use client";

import { useTranslations } from "next-intl";
import type { LiveState } from "./_lib/use-run-changes";

const DOT: Record<LiveState, string> = { live: "bg-ok", connecting: "bg-warn", off: "bg-muted" };

/**
 * Whether the page follows changes as they happen (server-sent events, not polling) and, on the
 * list, how many incidents are escalating now.
 */
export function LiveIndicator({ live, escalating }: { live: LiveState; escalating?: number }) {
  const t = useTranslations("RunsLive");
  return (
    <span className="flex items-center gap-3 text-[12px] text-muted">
      {escalating === undefined ? null : escalating === 0 ? (
        <span>{t("nothingEscalating")}</span>
      ) : (
        <span className="flex items-center gap-1.5">
          <span className="relative flex size-2">
            <span className="absolute inline-flex size-full animate-ping rounded-full bg-danger opacity-60" />
            <span className="relative inline-flex size-2 rounded-full bg-danger" />
          </span>
          {t.rich("escalating", {
            count: escalating,
            strong: (chunks) => <span className="font-medium text-fg tabular-nums">{chunks}</span>,
          })}
        </span>
      )}
      <span className="flex items-center gap-1.5" title={t("title")} data-testid="live-state" data-state={live}>
        <span className={`inline-flex size-1.5 rounded-full ${DOT[live]}`} aria-hidden />
        {t(`state.${live}`)}
      </span>
    </span>
  );
}
