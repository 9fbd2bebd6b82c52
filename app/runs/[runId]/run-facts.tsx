"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { StatusBadge } from "../../_components/ui/status-badge";
import type { RouterOutputs } from "../../_lib/trpc";
import { formatDateTime, formatDuration, runDurationMs } from "../_lib/format";
import { isOpenStatus, STATUS_LABEL, STATUS_TONE } from "../_lib/run-status";
import { useNow } from "../_lib/use-now";

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
  const open = isOpenStatus(run.status);
  const duration = runDurationMs(run, open, now, lastActivityAt);
  return (
    <dl
      className="grid grid-cols-2 gap-x-6 gap-y-3 border-b border-border bg-panel px-6 py-3 sm:grid-cols-3 lg:grid-cols-6"
      data-testid="run-facts"
    >
      <Fact label="Status">
        <span data-testid="run-status">
          <StatusBadge tone={STATUS_TONE[run.status]}>{STATUS_LABEL[run.status]}</StatusBadge>
        </span>
      </Fact>
      <Fact label="Flow">
        <Link href={`/flows/${run.flowId}`} className="hover:underline">
          {flowName}
        </Link>
        {version !== null ? <span className="ml-1.5 text-muted">{`v${version}`}</span> : null}
      </Fact>
      <Fact label="Level">
        {run.currentLevel > 0 ? `Level ${run.currentLevel}` : <span className="text-muted">None fired</span>}
      </Fact>
      <Fact label="First error">{formatDateTime(run.firstErrorAt)}</Fact>
      <Fact label="Resolved">
        {run.resolvedAt ? formatDateTime(run.resolvedAt) : <span className="text-muted">{open ? "Not yet" : "—"}</span>}
      </Fact>
      <Fact label="Duration">
        {duration === null ? "—" : formatDuration(duration)}
        {open ? <span className="ml-1.5 text-muted">and counting</span> : null}
      </Fact>
    </dl>
  );
}
