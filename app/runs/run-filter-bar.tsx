"use client";

import { Search, Tag, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Input, Select } from "../_components/ui/field";
import { hasRunFilters, parseLabels, type RunFilters } from "./_lib/run-filter-params";
import { RUN_STATUS_ORDER } from "./_lib/run-status";
import { useStatusLabel } from "./_lib/use-status-label";
import { DateTimeFilter } from "./date-time-filter";

interface Props {
  filters: RunFilters;
  onChange: (patch: Partial<RunFilters>) => void;
  flows: readonly { id: string; name: string }[];
  /** Retired flows: their runs stay in the history, so an on-call person can still pick them. */
  archivedFlows?: readonly { id: string; name: string }[];
}

const CLEARED: Partial<RunFilters> = {
  flowId: undefined,
  status: undefined,
  q: undefined,
  labels: undefined,
  from: undefined,
  to: undefined,
};

/** The list's filters, all applied by the server and kept in the URL (a view can be shared). */
export function RunFilterBar({ filters, onChange, flows, archivedFlows = [] }: Props) {
  const t = useTranslations("RunFilters");
  const statusLabel = useStatusLabel();
  const { bad } = parseLabels(filters.labels);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2" role="search" aria-label={t("label")}>
        <div className="w-44">
          <Select
            aria-label={t("flow")}
            value={filters.flowId ?? ""}
            onChange={(e) => onChange({ flowId: e.target.value || undefined })}
          >
            <option value="">{t("allFlows")}</option>
            {flows.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
            {archivedFlows.length > 0 ? (
              <optgroup label={t("archivedFlows")}>
                {archivedFlows.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
        </div>
        <div className="w-36">
          <Select
            aria-label={t("status")}
            value={filters.status ?? ""}
            onChange={(e) => onChange({ status: RUN_STATUS_ORDER.find((s) => s === e.target.value) })}
          >
            <option value="">{t("anyStatus")}</option>
            {RUN_STATUS_ORDER.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </Select>
        </div>
        <div className="relative w-56">
          <Search
            className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted"
            aria-hidden
          />
          <Input
            type="search"
            aria-label={t("search")}
            placeholder={t("searchPlaceholder")}
            className="pl-7"
            value={filters.q ?? ""}
            maxLength={200}
            onChange={(e) => onChange({ q: e.target.value || undefined })}
          />
        </div>
        <div className="relative w-48">
          <Tag
            className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted"
            aria-hidden
          />
          <Input
            aria-label={t("labels")}
            placeholder={t("labelsPlaceholder")}
            className="pl-7 font-mono text-[12px]"
            value={filters.labels ?? ""}
            maxLength={2000}
            aria-invalid={bad.length > 0}
            onChange={(e) => onChange({ labels: e.target.value || undefined })}
          />
        </div>
        <DateTimeFilter
          label={t("from")}
          value={filters.from}
          defaultTime="00:00"
          onChange={(from) => onChange({ from })}
        />
        <DateTimeFilter label={t("to")} value={filters.to} defaultTime="23:59" onChange={(to) => onChange({ to })} />
        {hasRunFilters(filters) ? (
          <button
            type="button"
            onClick={() => onChange(CLEARED)}
            className="inline-flex h-7 items-center gap-1 rounded-md px-2 text-[12px] text-muted hover:bg-raised hover:text-fg"
          >
            <X className="size-3.5" aria-hidden /> {t("clear")}
          </button>
        ) : null}
      </div>
      {bad.length > 0 ? (
        <p className="text-[11px] text-danger" role="alert">
          {t("badLabels", { pieces: bad.join(", ") })}
        </p>
      ) : null}
    </div>
  );
}
