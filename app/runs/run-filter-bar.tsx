"use client";

import { Search, X } from "lucide-react";
import { Input, Select } from "../_components/ui/field";
import type { RunFilters } from "./_lib/run-filter-params";
import { RUN_STATUS_ORDER, STATUS_LABEL } from "./_lib/run-status";

interface Props {
  filters: RunFilters;
  onChange: (patch: Partial<RunFilters>) => void;
  flows: readonly { id: string; name: string }[];
}

export function RunFilterBar({ filters, onChange, flows }: Props) {
  const active = Boolean(filters.flowId || filters.status || filters.alertKey);
  return (
    <div className="flex flex-wrap items-center gap-2" role="search" aria-label="Filter runs">
      <div className="w-52">
        <Select
          aria-label="Flow"
          value={filters.flowId ?? ""}
          onChange={(e) => onChange({ flowId: e.target.value || undefined })}
        >
          <option value="">All flows</option>
          {flows.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="w-40">
        <Select
          aria-label="Status"
          value={filters.status ?? ""}
          onChange={(e) => onChange({ status: RUN_STATUS_ORDER.find((s) => s === e.target.value) })}
        >
          <option value="">Any status</option>
          {RUN_STATUS_ORDER.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </Select>
      </div>
      <div className="relative w-72">
        <Search
          className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted"
          aria-hidden
        />
        <Input
          aria-label="Alert key starts with"
          placeholder="Alert key starts with…"
          className="pl-7 font-mono text-[12px]"
          value={filters.alertKey ?? ""}
          maxLength={500}
          onChange={(e) => onChange({ alertKey: e.target.value || undefined })}
        />
      </div>
      {active ? (
        <button
          type="button"
          onClick={() => onChange({ flowId: undefined, status: undefined, alertKey: undefined })}
          className="inline-flex h-7 items-center gap-1 rounded-md px-2 text-[12px] text-muted hover:bg-raised hover:text-fg"
        >
          <X className="size-3.5" aria-hidden /> Clear filters
        </button>
      ) : null}
    </div>
  );
}
