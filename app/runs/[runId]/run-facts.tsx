"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { StatusBadge } from "../../_components/ui/status-badge";
import type { RouterOutputs } from "../../_lib/trpc";
import { runDurationMs } from "../_lib/format";
import { isOpenStatus, STATUS_TONE } from "../_lib/run-status";
import { useNow } from "../_lib/use-now";
import { useRunFormat } from "../_lib/use-run-format";
import { useStatusLabel } from "../_lib/use-status-label";

type Run = RouterOutputs["runs"]["get"]["run"];

interface Props {
  run: Run;
  flowName: string;
  version: number | null;
  lastActivityAt: Date;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-[11px] font-medium tracking-wide text-muted uppercase">{label}</dt>
      <dd className="mt-0.5 truncate tabular-nums">{children}</dd>
    </div>
  );
}

/** The run at a glance, under the page title. */
export function RunFacts({ run, flowName, version, lastActivityAt }: Props) {
  const now = useNow(1_000);
  const t = useTranslations("RunDetail.facts");
  const statusLabel = useStatusLabel();
  const format = useRunFormat();
  const open = isOpenStatus(run.status);
  const duration = runDurationMs(run, open, now, lastActivityAt);
  return (
    <dl
      className="grid grid-cols-2 gap-x-6 gap-y-3 border-b border-border bg-panel px-6 py-3 sm:grid-cols-3 lg:grid-cols-6"
      data-testid="run-facts"
    >
      <Fact label={t("status")}>
        <span data-testid="run-status">
          <StatusBadge tone={STATUS_TONE[run.status]}>{statusLabel(run.status)}</StatusBadge>
        </span>
      </Fact>
      <Fact label={t("flow")}>
        <Link href={`/flows/${run.flowId}`} className="hover:underline">
          {flowName}
        </Link>
        {version !== null ? <span className="ml-1.5 text-muted">{`v${version}`}</span> : null}
      </Fact>
      <Fact label={t("level")}>
        {run.currentLevel > 0 ? (
          t("levelN", { level: run.currentLevel })
        ) : (
          <span className="text-muted">{t("noneFired")}</span>
        )}
      </Fact>
      <Fact label={t("firstError")}>{format.dateTime(run.firstErrorAt)}</Fact>
      <Fact label={t("resolved")}>
        {run.resolvedAt ? (
          format.dateTime(run.resolvedAt)
        ) : (
          <span className="text-muted">{open ? t("notYet") : "—"}</span>
        )}
      </Fact>
      <Fact label={t("duration")}>
        {duration === null ? "—" : format.duration(duration)}
        {open ? <span className="ml-1.5 text-muted">{t("counting")}</span> : null}
      </Fact>
    </dl>
  );
}
