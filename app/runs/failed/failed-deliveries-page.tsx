"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Button } from "../../_components/ui/button";
import { PageHeader } from "../../_components/ui/page-header";
import { useTRPC } from "../../_lib/trpc";
import { useEventText } from "../_lib/describe-event";
import { useRunFormat } from "../_lib/use-run-format";
import { useNow } from "../_lib/use-now";
import { useResend } from "../_lib/use-resend";
import { throttle, useRunChanges } from "../_lib/use-run-changes";
import { LiveIndicator } from "../live-indicator";
import { useServerErrorText } from "~/app/_components/use-server-error-text";
import { useDeliveryErrorText } from "../_lib/use-delivery-error-text";

/** A burst of changes (an incident's deliveries failing at once) refetches once. */
const REFRESH_AT_MOST_EVERY_MS = 1_000;

const HEAD = "px-3 py-2 font-medium whitespace-nowrap";
const CELL = "px-3 py-1.5 whitespace-nowrap";

/** The dead letters: every message that finally failed, across runs, with bulk re-send. */
export function FailedDeliveriesPage() {
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const deliveryError = useDeliveryErrorText();
  const queryClient = useQueryClient();
  const t = useTranslations("RunFailed");
  // The same server-sent events as the list: a delivery failing, or re-sent elsewhere, shows here
  // without a reload. The stream names runs, not deliveries, so any change refetches the pages.
  const refresh = useMemo(
    () =>
      throttle(
        () => void queryClient.invalidateQueries({ queryKey: trpc.runs.failedDeliveries.pathKey() }),
        REFRESH_AT_MOST_EVERY_MS,
      ),
    [queryClient, trpc],
  );
  const live = useRunChanges(refresh);
  const format = useRunFormat();
  const { messageTitle } = useEventText();
  const now = useNow();
  const list = useInfiniteQuery(
    trpc.runs.failedDeliveries.infiniteQueryOptions({ limit: 50 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const { resend } = useResend();
  const chosen = items.filter((i) => selected.has(i.id)).map((i) => i.id);
  const all = items.length > 0 && chosen.length === items.length;
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const send = (ids: string[]) => resend.mutate({ deliveryIds: ids }, { onSuccess: () => setSelected(new Set()) });

  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-1.5">
            <Link href="/runs" className="text-muted hover:text-fg">
              {t("runs")}
            </Link>
            <span className="text-muted" aria-hidden>
              /
            </span>
            {t("title")}
          </span>
        }
        subtitle={t("subtitle")}
        actions={
          <>
            <LiveIndicator live={live} />
            <Button
              variant="primary"
              disabled={chosen.length === 0 || resend.isPending}
              onClick={() => send(chosen)}
              title={t("resendSelectedTitle")}
            >
              <RotateCw className={`size-3.5 ${resend.isPending ? "animate-spin" : ""}`} aria-hidden />
              {t("resendSelected", { count: chosen.length })}
            </Button>
          </>
        }
      />
      <div className="p-6">
        <div className="overflow-x-auto rounded-lg border border-border bg-panel">
          <table className="w-full table-fixed text-left" data-testid="failed-deliveries">
            <colgroup>
              <col className="w-[36px]" />
              <col className="w-[120px]" />
              <col />
              <col className="w-[160px]" />
              <col className="w-[150px]" />
              <col className="w-[64px]" />
              <col className="w-[30%]" />
              <col className="w-[160px]" />
            </colgroup>
            <thead className="border-b border-border text-[12px] text-muted">
              <tr>
                <th className={HEAD}>
                  <input
                    type="checkbox"
                    aria-label={t("selectAll")}
                    checked={all}
                    onChange={() => setSelected(all ? new Set() : new Set(items.map((i) => i.id)))}
                  />
                </th>
                <th className={HEAD}>{t("column.failed")}</th>
                <th className={HEAD}>{t("column.alert")}</th>
                <th className={HEAD}>{t("column.message")}</th>
                <th className={HEAD}>{t("column.integration")}</th>
                <th className={`${HEAD} text-right`}>{t("column.tries")}</th>
                <th className={HEAD}>{t("column.lastError")}</th>
                <th className={HEAD} />
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr
                  key={d.id}
                  className="border-b border-border last:border-0 hover:bg-raised"
                  data-testid="dead-letter"
                >
                  <td className={CELL}>
                    <input
                      type="checkbox"
                      aria-label={t("select", { alertKey: d.alertKey })}
                      checked={selected.has(d.id)}
                      onChange={() => toggle(d.id)}
                    />
                  </td>
                  <td className={`${CELL} text-muted tabular-nums`} title={format.dateTime(d.failedAt)}>
                    {format.ago(d.failedAt, now)}
                  </td>
                  <td className="truncate px-3 py-1.5">
                    <Link href={`/runs/${d.runId}`} className="font-mono text-[12px] font-medium hover:underline">
                      {d.alertKey}
                    </Link>
                    <span className="ml-2 text-muted">{d.flowName}</span>
                  </td>
                  <td className={CELL}>
                    {t("messageLevel", { message: messageTitle(d.messageType, d.reminderNumber), level: d.level })}
                  </td>
                  <td className={`${CELL} truncate`} title={d.integrationType ?? ""}>
                    {d.integrationName ?? <span className="text-muted">{t("deletedIntegration")}</span>}
                  </td>
                  <td className={`${CELL} text-right tabular-nums`}>{d.attempts}</td>
                  <td className="truncate px-3 py-1.5 text-[12px] text-danger" title={deliveryError(d) ?? ""}>
                    {[d.statusCode !== null ? `HTTP ${d.statusCode}` : null, deliveryError(d)]
                      .filter(Boolean)
                      .join(" · ")}
                  </td>
                  <td className={`${CELL} text-right`}>
                    <Button className="h-6 px-2 text-[12px]" disabled={resend.isPending} onClick={() => send([d.id])}>
                      <RotateCw className="size-3" aria-hidden /> {t("resend")}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.isPending ? <p className="px-4 py-6 text-muted">{t("loading")}</p> : null}
          {list.error ? <p className="px-4 py-6 text-danger">{errorText(list.error)}</p> : null}
          {!list.isPending && items.length === 0 ? (
            <p className="px-4 py-10 text-center text-muted">{t("empty")}</p>
          ) : null}
        </div>
        {list.hasNextPage ? (
          <div className="mt-4 flex justify-center">
            <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
            </Button>
          </div>
        ) : null}
      </div>
    </>
  );
}
