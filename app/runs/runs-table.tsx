"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { StatusBadge } from "../_components/ui/status-badge";
import type { RouterOutputs } from "../_lib/trpc";
import { runDurationMs } from "./_lib/format";
import { useNextStepText } from "./_lib/next-step-text";
import { useRunFormat } from "./_lib/use-run-format";
import { isOpenStatus, STATUS_TONE } from "./_lib/run-status";
import { useStatusLabel } from "./_lib/use-status-label";
import { useNow } from "./_lib/use-now";

type RunRow = RouterOutputs["runs"]["list"]["items"][number];

interface Props {
  runs: readonly RunRow[];
  loading: boolean;
  error?: string;
  emptyText: string;
}

const HEAD = "px-3 py-2 font-medium whitespace-nowrap";
const CELL = "px-3 py-1.5 whitespace-nowrap";

export function RunsTable({ runs, loading, error, emptyText }: Props) {
  const router = useRouter();
  const t = useTranslations("RunList");
  const statusLabel = useStatusLabel();
  const format = useRunFormat();
  const { countdown, describeNextStep, shortNextStep } = useNextStepText();
  // Every second: the next-step countdowns move.
  const now = useNow(1_000);
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-panel">
      <table className="w-full table-fixed text-left">
        <colgroup>
          <col className="w-[116px]" />
          <col />
          <col className="w-[150px]" />
          <col className="w-[64px]" />
          {/* Wide enough for "L1 reminder 2/2 in 12:04" and its French and Dutch wording. */}
          <col className="w-[220px]" />
          <col className="w-[150px]" />
          <col className="w-[96px]" />
          <col className="w-[100px]" />
        </colgroup>
        <thead className="border-b border-border text-[12px] text-muted">
          <tr>
            <th className={HEAD}>{t("column.status")}</th>
            <th className={HEAD}>{t("column.alert")}</th>
            <th className={HEAD}>{t("column.flow")}</th>
            <th className={`${HEAD} text-right`}>{t("column.level")}</th>
            <th className={HEAD}>{t("column.next")}</th>
            <th className={HEAD}>{t("column.firstError")}</th>
            <th className={`${HEAD} text-right`}>{t("column.duration")}</th>
            <th className={`${HEAD} text-right`}>{t("column.created")}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const href = `/runs/${run.id}`;
            const open = isOpenStatus(run.status);
            return (
              <tr
                key={run.id}
                data-testid="run-row"
                onClick={(e) => {
                  // The key cell is a real link (new tab, copy link); elsewhere the row opens it.
                  if (!(e.target instanceof Element) || !e.target.closest("a")) router.push(href);
                }}
                className="cursor-pointer border-b border-border last:border-0 hover:bg-raised"
              >
                <td className={CELL}>
                  <StatusBadge tone={STATUS_TONE[run.status]}>{statusLabel(run.status)}</StatusBadge>
                </td>
                <td className="truncate px-3 py-1.5">
                  <Link href={href} className="font-mono text-[12px] font-medium hover:underline" title={run.alertKey}>
                    {run.alertKey}
                  </Link>
                  {run.summary ? (
                    <span className="ml-2 text-muted" title={run.summary}>
                      {run.summary}
                    </span>
                  ) : null}
                </td>
                <td className={`${CELL} truncate text-muted`} title={run.flowName}>
                  {run.flowName}
                </td>
                <td className={`${CELL} text-right tabular-nums`}>
                  {run.currentLevel > 0 ? `L${run.currentLevel}` : <span className="text-muted">—</span>}
                </td>
                <td className={`${CELL} truncate tabular-nums`} data-testid="run-next">
                  {run.next ? (
                    <span title={describeNextStep(run.next)}>
                      {shortNextStep(run.next)}{" "}
                      <span className="font-mono text-[12px] text-muted">{countdown(run.next.at, now)}</span>
                    </span>
                  ) : (
                    <span className="text-muted">—</span>
                  )}
                </td>
                <td className={`${CELL} text-muted tabular-nums`}>{format.dateTime(run.firstErrorAt)}</td>
                <td className={`${CELL} text-right tabular-nums ${open ? "text-fg" : "text-muted"}`}>
                  {format.duration(runDurationMs(run, open, now) ?? Number.NaN)}
                </td>
                <td className={`${CELL} text-right text-muted tabular-nums`} title={format.dateTime(run.createdAt)}>
                  {format.ago(run.createdAt, now)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {loading ? <p className="px-4 py-6 text-muted">{t("loadingRuns")}</p> : null}
      {error ? <p className="px-4 py-6 text-danger">{error}</p> : null}
      {!loading && !error && runs.length === 0 ? (
        <p className="px-4 py-10 text-center text-muted">{emptyText}</p>
      ) : null}
    </div>
  );
}
