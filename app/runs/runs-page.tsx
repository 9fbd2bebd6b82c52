"use client";

import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { ChartLine, MailWarning } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { PageHeader } from "../_components/ui/page-header";
import { useTRPC } from "../_lib/trpc";
import { useMemo } from "react";
import { hasRunFilters, parseLabels } from "./_lib/run-filter-params";
import { useDebounced } from "./_lib/use-debounced";
import { throttle, useRunChanges } from "./_lib/use-run-changes";
import { useRunFilters } from "./_lib/use-run-filters";
import { IncidentsChart } from "./incidents-chart";
import { LiveIndicator } from "./live-indicator";
import { RunFilterBar } from "./run-filter-bar";
import { RunsTable } from "./runs-table";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

/** A burst of changes (an incident firing three levels) refetches once. */
const REFRESH_AT_MOST_EVERY_MS = 1_000;

export function RunsPage() {
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const queryClient = useQueryClient();
  const t = useTranslations("RunsLive");
  const tl = useTranslations("RunList");
  // Server-sent events say when something changed; the list and the chart refetch then, never on a timer.
  const refresh = useMemo(
    () =>
      throttle(() => {
        void queryClient.invalidateQueries({ queryKey: trpc.runs.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.runs.stats.pathKey() });
      }, REFRESH_AT_MOST_EVERY_MS),
    [queryClient, trpc],
  );
  const live = useRunChanges(refresh);
  const { filters, setFilters } = useRunFilters();
  // Typed fields ask the server once typing pauses.
  const q = useDebounced(filters.q ?? "") || undefined;
  const labelText = useDebounced(filters.labels ?? "");
  const serverFilters = useMemo(() => {
    const { labels } = parseLabels(labelText);
    return {
      flowId: filters.flowId,
      q,
      labels: labels.length > 0 ? labels : undefined,
      from: filters.from,
      to: filters.to,
    };
  }, [filters.flowId, filters.from, filters.to, q, labelText]);
  const stats = useQuery(
    trpc.runs.stats.queryOptions({ range: filters.range, ...serverFilters }, { placeholderData: keepPreviousData }),
  );
  const escalating = stats.data?.escalatingNow ?? 0;
  const list = useInfiniteQuery(
    trpc.runs.list.infiniteQueryOptions(
      { ...serverFilters, status: filters.status, limit: 50 },
      {
        getNextPageParam: (page) => page.nextCursor,
        placeholderData: keepPreviousData,
      },
    ),
  );
  const flows = useQuery(trpc.flows.list.queryOptions());
  const archivedFlows = useQuery(trpc.flows.list.queryOptions({ archived: true }));
  const runs = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = hasRunFilters(filters);

  return (
    <>
      <PageHeader
        title={tl("title")}
        subtitle={tl("subtitle")}
        actions={
          <>
            <Link
              href="/runs/insights"
              className="inline-flex h-7 items-center gap-1 rounded-md px-2 text-[12px] text-muted hover:bg-raised hover:text-fg"
            >
              <ChartLine className="size-3.5" aria-hidden /> {t("insights")}
            </Link>
            <Link
              href="/runs/failed"
              className="inline-flex h-7 items-center gap-1 rounded-md px-2 text-[12px] text-muted hover:bg-raised hover:text-fg"
            >
              <MailWarning className="size-3.5" aria-hidden /> {tl("failedDeliveries")}
            </Link>
            <LiveIndicator escalating={escalating} live={live} />
          </>
        }
      />
      <div className="flex flex-col gap-4 p-6">
        <RunFilterBar
          filters={filters}
          onChange={setFilters}
          flows={flows.data ?? []}
          archivedFlows={archivedFlows.data ?? []}
        />
        <IncidentsChart stats={stats.data} range={filters.range} onRangeChange={(range) => setFilters({ range })} />
        <RunsTable
          runs={runs}
          loading={list.isPending}
          error={list.error ? errorText(list.error) : undefined}
          emptyText={filtered ? tl("emptyFiltered") : tl("empty")}
        />
        {list.hasNextPage ? (
          <div className="flex justify-center">
            <button
              type="button"
              onClick={() => void list.fetchNextPage()}
              disabled={list.isFetchingNextPage}
              className="h-7 rounded-md border border-border bg-panel px-3 text-[13px] font-medium hover:bg-raised disabled:opacity-50"
            >
              {list.isFetchingNextPage ? tl("loading") : tl("loadMore")}
            </button>
          </div>
        ) : runs.length > 0 ? (
          <p className="text-center text-[12px] text-muted">{tl("allShown", { count: runs.length })}</p>
        ) : null}
      </div>
    </>
  );
}
