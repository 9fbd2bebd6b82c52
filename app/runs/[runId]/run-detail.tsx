"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useNodeTitle } from "../../_components/flow-canvas/node-summary";
import { PageHeader } from "../../_components/ui/page-header";
import { useTRPC } from "../../_lib/trpc";
import { isOpenStatus } from "../_lib/run-status";
import { useCallback, useMemo } from "react";
import type { RunChange } from "~/core/escalation/run-change";
import { throttle, useRunChanges } from "../_lib/use-run-changes";
import { LiveIndicator } from "../live-indicator";
import { AlertJson } from "./alert-json";
import { NextStepsPanel } from "./next-steps-panel";
import { RunActionButtons } from "./run-action-buttons";
import { RunFacts } from "./run-facts";
import { RunRepairButtons } from "./run-repair-buttons";
import { RunGraph } from "./run-graph";
import { RunTimeline } from "./run-timeline";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

/** A burst of changes (a level firing and its deliveries) refetches once. */
const REFRESH_AT_MOST_EVERY_MS = 500;

export function RunDetail({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useTranslations("RunDetail");
  const nodeTitle = useNodeTitle();
  const errorText = useServerErrorText();
  const query = useQuery(trpc.runs.get.queryOptions({ runId }));
  // Server-sent events: this run changed (or anything may have), so refetch it; no timer.
  const refresh = useMemo(
    () =>
      throttle(
        () => void queryClient.invalidateQueries({ queryKey: trpc.runs.get.queryKey({ runId }) }),
        REFRESH_AT_MOST_EVERY_MS,
      ),
    [queryClient, trpc, runId],
  );
  const live = useRunChanges(
    useCallback(
      (change: RunChange) => (change.runId === null || change.runId === runId ? refresh() : undefined),
      [refresh, runId],
    ),
  );

  const crumb = (
    <Link href="/runs" className="text-muted hover:text-fg">
      {t("runs")}
    </Link>
  );
  if (query.error) {
    return (
      <>
        <PageHeader title={crumb} />
        <p className="p-6 text-danger">{errorText(query.error)}</p>
      </>
    );
  }
  if (!query.data) {
    return (
      <>
        <PageHeader title={crumb} />
        <p className="p-6 text-muted">{t("loading")}</p>
      </>
    );
  }

  const { run, version, flowName, timeline, highlights, actions, lastActivityAt, next, temporalUrl } = query.data;
  const nodes = new Map((version?.graph.nodes ?? []).map((n) => [n.id, nodeTitle(n)]));
  const nodeLabel = (id: string) => nodes.get(id);
  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-1.5">
            {crumb}
            <span className="text-muted" aria-hidden>
              /
            </span>
            <span className="truncate font-mono text-[14px]">{run.alertKey}</span>
          </span>
        }
        subtitle={run.alert.summary || undefined}
        actions={
          <>
            <LiveIndicator live={live} />
            <a
              href={temporalUrl}
              target="_blank"
              rel="noreferrer"
              className="inline-flex h-7 items-center gap-1 rounded-md px-2 text-[12px] text-muted hover:bg-raised hover:text-fg"
              title={t("temporalTitle")}
            >
              <ExternalLink className="size-3.5" aria-hidden /> Temporal
            </a>
            <RunRepairButtons
              runId={run.id}
              ended={!isOpenStatus(run.status)}
              failedCount={timeline.filter((e) => e.kind === "delivery" && e.delivery.status === "failed").length}
            />
            <RunActionButtons runId={run.id} actions={actions} />
          </>
        }
      />
      <RunFacts run={run} flowName={flowName} version={version?.version ?? null} lastActivityAt={lastActivityAt} />
      <div className="grid grid-cols-1 gap-4 px-6 pt-6 xl:grid-cols-[minmax(0,2fr)_minmax(320px,1fr)]">
        <RunGraph graph={version?.graph ?? null} highlights={highlights} version={version?.version ?? null} />
        <div className="flex min-w-0 flex-col gap-4">
          <NextStepsPanel next={next} status={run.status} />
          <AlertJson alert={run.alert} />
        </div>
      </div>
      <section aria-labelledby="timeline-heading" className="min-w-0 p-6">
        <h2 id="timeline-heading" className="mb-2 text-[13px] font-semibold">
          {t("timeline")} <span className="font-normal text-muted">{t("entries", { count: timeline.length })}</span>
        </h2>
        <RunTimeline entries={timeline} firstErrorAt={run.firstErrorAt} nodeLabel={nodeLabel} />
      </section>
    </>
  );
}
