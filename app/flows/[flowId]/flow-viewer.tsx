"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronLeft, Eye } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { ReadOnlyFlow } from "~/app/_components/flow-canvas/read-only-flow";
import { StatusBadge } from "~/app/_components/ui/status-badge";
import { useTRPC, type RouterOutputs } from "../../_lib/trpc";

type Flow = RouterOutputs["flows"]["get"];

/**
 * What a viewer gets instead of the editor: the flow drawn read-only, with its state. Viewers
 * read everything and edit nothing (the server refuses their edits anyway).
 */
export function FlowViewer({
  flow,
  initialIntegrations,
}: {
  flow: Flow;
  initialIntegrations?: RouterOutputs["integrations"]["list"];
}) {
  const t = useTranslations("FlowViewer");
  const trpc = useTRPC();
  const integrations = useQuery({ ...trpc.integrations.list.queryOptions(), initialData: initialIntegrations });
  return (
    <div className="flex h-screen flex-col">
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
        <h1 className="truncate text-[14px] font-semibold tracking-tight">{flow.name}</h1>
        <div className="ml-auto flex items-center gap-2">
          <StatusBadge tone={flow.enabled ? "ok" : "neutral"}>
            {flow.enabled ? t("enabled") : t("disabled")}
          </StatusBadge>
          <StatusBadge tone={flow.published ? "accent" : "neutral"}>
            {flow.published ? t("publishedVersion", { version: flow.published.version }) : t("notPublished")}
          </StatusBadge>
        </div>
      </header>
      <p
        className="flex items-center gap-2 border-b border-border bg-raised/50 px-4 py-2 text-[13px] text-muted"
        data-testid="read-only-notice"
      >
        <Eye className="size-3.5" aria-hidden />
        {t("readOnly")}
      </p>
      {flow.description ? <p className="px-4 pt-3 text-muted">{flow.description}</p> : null}
      <div className="min-h-0 flex-1">
        <ReadOnlyFlow graph={flow.graph} integrations={integrations.data} />
      </div>
    </div>
  );
}
