"use client";

import { ChevronLeft } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { StatusBadge } from "~/app/_components/ui/status-badge";

interface FlowHeaderProps {
  /** The flow's name: a heading for viewers, the editable name (and save state) for editors. */
  title: ReactNode;
  enabled: boolean;
  published: { version: number } | null;
  /** Given, the enabled badge is a button that flips it; without, it only tells. */
  onToggleEnabled?: () => void;
  /** The editor's flow-level actions, after the badges. */
  children?: ReactNode;
}

/** The bar over a flow, the same for the editor and the read-only viewer: back, name, state, actions. */
export function FlowHeader({ title, enabled, published, onToggleEnabled, children }: FlowHeaderProps) {
  const t = useTranslations("FlowHeader");
  const enabledBadge = (
    <StatusBadge tone={enabled ? "ok" : "neutral"}>{enabled ? t("enabled") : t("disabled")}</StatusBadge>
  );
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-border bg-panel px-3">
      <Link
        href="/flows"
        className="flex items-center gap-0.5 rounded px-1 py-0.5 text-muted hover:bg-raised hover:text-fg"
        aria-label={t("allFlows")}
      >
        <ChevronLeft className="size-4" aria-hidden />
        {t("flows")}
      </Link>
      <span className="text-border">/</span>
      {title}
      <div className="ml-auto flex items-center gap-2">
        {onToggleEnabled ? (
          <button type="button" onClick={onToggleEnabled} title={enabled ? t("enabledHint") : t("disabledHint")}>
            {enabledBadge}
          </button>
        ) : (
          enabledBadge
        )}
        <StatusBadge tone={published ? "accent" : "neutral"}>
          {published ? t("publishedVersion", { version: published.version }) : t("notPublished")}
        </StatusBadge>
        {children}
      </div>
    </header>
  );
}
