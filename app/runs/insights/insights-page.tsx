"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Info } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useState, type ReactNode } from "react";
import { Select } from "../../_components/ui/field";
import { PageHeader } from "../../_components/ui/page-header";
import { useTRPC } from "../../_lib/trpc";
import { bucketLabel, bucketSpan } from "../_lib/chart-series";
import { CHART_RANGES } from "../_lib/run-filter-params";
import { insightSelectionQuery, parseInsightSelection, type InsightSelection } from "./insight-params";
import { TimeSeriesChart, type Series } from "./time-series-chart";
import { useDurationFormat } from "./use-duration-format";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

/** Selection in state, mirrored into the URL (replaceState: no history entry, no server round trip). */
function useInsightSelection() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const [selection, setState] = useState<InsightSelection>(() =>
    parseInsightSelection(new URLSearchParams(searchParams.toString())),
  );
  const update = useCallback(
    (patch: Partial<InsightSelection>) => {
      const next = { ...selection, ...patch };
      setState(next);
      window.history.replaceState(null, "", `${pathname}${insightSelectionQuery(next)}`);
    },
    [selection, pathname],
  );
  return [selection, update] as const;
}

/** Per flow or per integration: incidents, messages sent and failed, delivery latency, MTTA and MTTR. */
export function InsightsPage() {
  const t = useTranslations("RunInsights");
  const trpc = useTRPC();
  const format = useFormatter();
  const locale = useLocale();
  const errorText = useServerErrorText();
  const duration = useDurationFormat();
  const [selection, update] = useInsightSelection();
  const insights = useQuery(trpc.runs.insights.queryOptions(selection, { placeholderData: keepPreviousData }));
  const flows = useQuery(trpc.flows.list.queryOptions());
  // Retired flows keep their history: their insights stay one pick away.
  const archivedFlows = useQuery(trpc.flows.list.queryOptions({ archived: true }));
  const integrations = useQuery(trpc.integrations.list.queryOptions());
  const data = insights.data;
  const buckets = data?.buckets.map((b) => b.start) ?? [];
  const column = <K extends keyof NonNullable<typeof data>["buckets"][number]>(key: K) =>
    data?.buckets.map((b) => b[key]) ?? [];
  const count = (n: number) => format.number(n);
  const chart = (title: string, kind: "bars" | "lines", series: Series[], formatValue: (v: number) => string) => (
    <ChartCard title={title} series={series}>
      {data ? (
        <TimeSeriesChart
          kind={kind}
          buckets={buckets}
          bucketLabel={(start) => bucketLabel(start, selection.range, locale)}
          bucketSpan={(start) => bucketSpan(start, data.bucketHours, locale)}
          series={series}
          formatValue={formatValue}
          label={title}
        />
      ) : (
        <div className="h-full animate-pulse rounded bg-raised" />
      )}
    </ChartCard>
  );
  const totals = data?.totals;
  const failedShare = totals && totals.sent + totals.failed > 0 ? totals.failed / (totals.sent + totals.failed) : null;
  const maybe = (ms: number | null | undefined) => (ms === null || ms === undefined ? "—" : duration(ms));

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
      />
      <div className="flex flex-col gap-4 p-6">
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("selection")}>
          <div className="w-56">
            <Select
              aria-label={t("flow")}
              value={selection.flowId ?? ""}
              onChange={(e) => update({ flowId: e.target.value || undefined })}
            >
              <option value="">{t("allFlows")}</option>
              {(flows.data ?? []).map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
              {archivedFlows.data?.length ? (
                <optgroup label={t("archivedFlows")}>
                  {archivedFlows.data.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </Select>
          </div>
          <div className="w-56">
            <Select
              aria-label={t("integration")}
              value={selection.integrationId ?? ""}
              onChange={(e) => update({ integrationId: e.target.value || undefined })}
            >
              <option value="">{t("allIntegrations")}</option>
              {(integrations.data ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex rounded-md border border-border p-0.5" role="group" aria-label={t("range")}>
            {CHART_RANGES.map((r) => (
              <button
                key={r}
                type="button"
                aria-pressed={r === selection.range}
                onClick={() => update({ range: r })}
                className={`h-6 rounded px-2.5 text-[12px] font-medium ${r === selection.range ? "bg-raised text-fg" : "text-muted hover:text-fg"}`}
              >
                {t(`ranges.${r}`)}
              </button>
            ))}
          </div>
          {insights.error ? <p className="text-danger">{errorText(insights.error)}</p> : null}
        </div>

        <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="insight-totals">
          <Stat label={t("incidents")} value={totals ? count(totals.incidents) : "—"} />
          <Stat label={t("sent")} value={totals ? count(totals.sent) : "—"} />
          <Stat
            label={t("failed")}
            value={totals ? count(totals.failed) : "—"}
            note={
              failedShare === null
                ? undefined
                : format.number(failedShare, { style: "percent", maximumFractionDigits: 1 })
            }
            tone={totals && totals.failed > 0 ? "danger" : undefined}
          />
          <Stat
            label={t("latency")}
            value={totals ? `${maybe(totals.latencyP50Ms)} · ${maybe(totals.latencyP95Ms)}` : "—"}
            note={t("latencyNote")}
            hint={t("latencyPrecision")}
          />
          <Stat
            label={t("mtta")}
            value={maybe(totals?.mttaMs)}
            note={totals ? t("acknowledgedCount", { count: totals.acknowledged }) : undefined}
          />
          <Stat
            label={t("mttr")}
            value={maybe(totals?.mttrMs)}
            note={totals ? t("resolvedCount", { count: totals.resolved }) : undefined}
          />
        </dl>

        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          {chart(
            t("incidentsChart"),
            "bars",
            [{ key: "incidents", label: t("incidents"), color: "var(--accent)", values: column("incidents") }],
            count,
          )}
          {chart(
            t("messagesChart"),
            "bars",
            [
              { key: "sent", label: t("sent"), color: "var(--ok)", values: column("sent") },
              { key: "failed", label: t("failed"), color: "var(--danger)", values: column("failed") },
            ],
            count,
          )}
          {chart(
            t("latencyChart"),
            "lines",
            [
              { key: "p50", label: t("p50"), color: "var(--accent)", values: column("latencyP50Ms") },
              { key: "p95", label: t("p95"), color: "var(--warn)", values: column("latencyP95Ms") },
            ],
            duration,
          )}
          {chart(
            t("responseChart"),
            "lines",
            [
              { key: "mtta", label: t("mtta"), color: "var(--warn)", values: column("mttaMs") },
              { key: "mttr", label: t("mttr"), color: "var(--ok)", values: column("mttrMs") },
            ],
            duration,
          )}
        </div>
      </div>
    </>
  );
}

interface StatProps {
  label: string;
  value: string;
  note?: string;
  /** How the figure is made, shown on hover and read by screen readers. */
  hint?: string;
  tone?: "danger";
}

function Stat({ label, value, note, hint, tone }: StatProps) {
  return (
    <div className="rounded-lg border border-border bg-panel px-4 py-3">
      <dt className="flex items-center gap-1 text-[12px] text-muted">
        {label}
        {hint ? (
          <span title={hint} aria-label={hint} role="img" className="cursor-help">
            <Info className="size-3" aria-hidden />
          </span>
        ) : null}
      </dt>
      <dd className={`mt-0.5 text-[18px] font-semibold tabular-nums ${tone === "danger" ? "text-danger" : ""}`}>
        {value}
      </dd>
      {note ? <dd className="text-[11px] text-muted">{note}</dd> : null}
    </div>
  );
}

function ChartCard({ title, series, children }: { title: string; series: Series[]; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-border bg-panel" aria-label={title}>
      <header className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-border px-4 py-2">
        <h2 className="text-[13px] font-semibold">{title}</h2>
        {series.length > 1 ? (
          <ul className="flex items-center gap-3 text-[12px] text-muted">
            {series.map((s) => (
              <li key={s.key} className="flex items-center gap-1.5">
                <span className="size-2 rounded-sm" style={{ background: s.color }} aria-hidden />
                {s.label}
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      <div className="h-44 px-2 pt-2 pb-1">{children}</div>
    </section>
  );
}
