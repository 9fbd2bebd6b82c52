"use client";

import { useQuery } from "@tanstack/react-query";
import { Eye } from "lucide-react";
import { useTranslations } from "next-intl";
import { ReadOnlyFlow } from "~/app/_components/flow-canvas/read-only-flow";
import { useTRPC, type RouterOutputs } from "../../_lib/trpc";
import { FlowHeader } from "./flow-header";

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
      <FlowHeader
        title={<h1 className="truncate text-[14px] font-semibold tracking-tight">{flow.name}</h1>}
        enabled={flow.enabled}
        published={flow.published}
      />
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
