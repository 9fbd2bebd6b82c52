"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { AUDIT_ACTIONS, AUDIT_PAGE_SIZE, type AuditAction } from "~/core/audit/audit-actions";
import { useWorkspaceRole } from "../../_components/auth/use-workspace-role";
import { Button } from "../../_components/ui/button";
import { Select } from "../../_components/ui/field";
import { useTRPC } from "../../_lib/trpc";
import { SettingsSection } from "../settings-section";
import { isAuditAction, summarize } from "./audit-detail";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

const ALL = "all";

/** The workspace's audit log for owners: who did what, to which row, when; newest first. */
export function AuditSettings() {
  const t = useTranslations("AuditLog");
  const { can, loading } = useWorkspaceRole();
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h2 className="text-[15px] font-semibold">{t("title")}</h2>
        <p className="text-muted">{t("subtitle")}</p>
      </div>
      {loading ? null : can("owner") ? <AuditTable /> : <p className="text-muted">{t("ownersOnly")}</p>}
    </div>
  );
}

function AuditTable() {
  const t = useTranslations("AuditLog");
  const format = useFormatter();
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const [action, setAction] = useState<AuditAction | undefined>(undefined);
  const [page, setPage] = useState(1);
  const audit = useQuery({
    ...trpc.audit.list.queryOptions({ action, page, pageSize: AUDIT_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((audit.data?.total ?? 0) / AUDIT_PAGE_SIZE));

  const filter = (
    <div className="flex items-center gap-2">
      <label htmlFor="audit-action" className="text-[12px] text-muted">
        {t("filter")}
      </label>
      <Select
        id="audit-action"
        className="w-56"
        value={action ?? ALL}
        onChange={(e) => {
          const value = e.target.value;
          setAction(isAuditAction(value) ? value : undefined);
          setPage(1);
        }}
      >
        <option value={ALL}>{t("allActions")}</option>
        {AUDIT_ACTIONS.map((a) => (
          <option key={a} value={a}>
            {t(`actions.${a}`)}
          </option>
        ))}
      </Select>
    </div>
  );

  return (
    <SettingsSection title={t("entries", { count: audit.data?.total ?? 0 })} actions={filter}>
      {audit.data && audit.data.entries.length > 0 ? (
        <table className="w-full text-left">
          <thead className="border-b border-border text-[12px] text-muted">
            <tr>
              <th className="px-4 py-2 font-medium">{t("columns.time")}</th>
              <th className="px-4 py-2 font-medium">{t("columns.actor")}</th>
              <th className="px-4 py-2 font-medium">{t("columns.action")}</th>
              <th className="px-4 py-2 font-medium">{t("columns.detail")}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.entries.map((entry) => {
              const summary = summarize(entry);
              const detail = t(`details.${summary.key}`, summary.values);
              return (
                <tr key={entry.id} className="border-b border-border align-top last:border-0" data-testid="audit-row">
                  <td className="px-4 py-2 whitespace-nowrap text-muted tabular-nums">
                    {format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "medium" })}
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap">
                    {entry.actorName}
                    {entry.actorId === null ? <span className="ml-1 text-muted">{t("notAUser")}</span> : null}
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap">
                    {isAuditAction(entry.action) ? t(`actions.${entry.action}`) : entry.action}
                  </td>
                  <td className="px-4 py-2">
                    {summary.href ? (
                      <Link href={summary.href} className="hover:underline">
                        {detail}
                      </Link>
                    ) : (
                      detail
                    )}
                    {summary.note ? <div className="text-muted">“{summary.note}”</div> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {audit.data?.entries.length === 0 ? <p className="px-4 py-6 text-muted">{t("empty")}</p> : null}
      {audit.isLoading ? <p className="px-4 py-6 text-muted">{t("loading")}</p> : null}
      {audit.error ? <p className="px-4 py-6 text-danger">{errorText(audit.error)}</p> : null}
      {pages > 1 ? (
        <nav
          aria-label={t("pagination")}
          className="flex items-center justify-end gap-2 border-t border-border px-4 py-2 text-[12px] text-muted"
        >
          <Button variant="ghost" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            <ChevronLeft className="size-3.5" aria-hidden /> {t("previous")}
          </Button>
          <span>{t("pageOf", { page, pages })}</span>
          <Button variant="ghost" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            {t("next")} <ChevronRight className="size-3.5" aria-hidden />
          </Button>
        </nav>
      ) : null}
    </SettingsSection>
  );
}
