"use client";

import { useQuery } from "@tanstack/react-query";
import { Download, Save, Search } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState, type ReactNode } from "react";
import { Button } from "../_components/ui/button";
import { Input } from "../_components/ui/field";
import { PageHeader } from "../_components/ui/page-header";
import { useTRPC } from "../_lib/trpc";
import { ImportTemplateButton } from "./_components/import-template-button";
import { SaveAsTemplateDialog, type SaveAsTemplateTarget } from "./_components/save-as-template-dialog";
import { TemplateCard } from "./_components/template-card";
import { UseTemplateDialog, type UsableTemplate } from "./_components/use-template-dialog";
import type { TemplateCardData } from "./_lib/types";
import { useExportTemplate } from "./_lib/use-export-template";
import { useServerErrorText } from "~/app/_components/use-server-error-text";

/** Name, description, tags and integration types, lower-cased, for the filter box. */
const haystack = (t: TemplateCardData) =>
  [t.name, t.description, ...t.tags, ...t.placeholders.map((p) => p.typeLabel)].join(" ").toLowerCase();

export function TemplatesPage() {
  const t = useTranslations("Templates");
  const trpc = useTRPC();
  const locale = useLocale();
  const errorText = useServerErrorText();
  const list = useQuery(trpc.templates.list.queryOptions({ locale }));
  const [query, setQuery] = useState("");
  const [using, setUsing] = useState<UsableTemplate | null>(null);
  const [saving, setSaving] = useState<SaveAsTemplateTarget | null>(null);
  const { exportTemplate, pending: exporting } = useExportTemplate();

  const match = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return (template: TemplateCardData) => words.every((w) => haystack(template).includes(w));
  }, [query]);
  const exportButton = (template: TemplateCardData) => (
    <Button
      variant="ghost"
      onClick={() => void exportTemplate(template.ref)}
      disabled={exporting}
      aria-label={t("exportNamed", { name: template.name })}
    >
      <Download className="size-3.5" aria-hidden /> {t("export")}
    </Button>
  );
  const workspace = (list.data?.workspace ?? []).filter(match);
  const builtin = (list.data?.builtin ?? []).filter(match);

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <>
            <ImportTemplateButton
              onImported={(templateId) => {
                void list.refetch().then(({ data }) => {
                  const imported = data?.workspace.find(
                    (template) => template.ref.kind === "workspace" && template.ref.templateId === templateId,
                  );
                  if (imported) setUsing(imported);
                });
              }}
            />
            <Button variant="primary" onClick={() => setSaving({})}>
              <Save className="size-3.5" aria-hidden /> {t("saveFlow")}
            </Button>
          </>
        }
      />
      <div className="flex flex-col gap-6 p-6">
        <div className="relative max-w-sm">
          <Search
            className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted"
            aria-hidden
          />
          <Input
            type="search"
            placeholder={t("filterPlaceholder")}
            aria-label={t("filterLabel")}
            className="pl-7"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        {list.isLoading ? <p className="text-muted">{t("loading")}</p> : null}
        {list.error ? <p className="text-danger">{errorText(list.error)}</p> : null}
        {list.data && list.data.workspace.length > 0 ? (
          <Section title={t("workspace")} count={workspace.length}>
            {workspace.map((template) => (
              <TemplateCard
                key={template.ref.templateId}
                template={template}
                onUse={setUsing}
                actions={exportButton(template)}
              />
            ))}
          </Section>
        ) : null}
        {list.data ? (
          <Section title={t("builtin")} count={builtin.length}>
            {builtin.map((template) => (
              <TemplateCard
                key={template.ref.key}
                template={template}
                onUse={setUsing}
                actions={exportButton(template)}
              />
            ))}
          </Section>
        ) : null}
        {list.data && workspace.length + builtin.length === 0 ? (
          <p className="text-muted">{t("noMatch", { query })}</p>
        ) : null}
      </div>
      <UseTemplateDialog template={using} onOpenChange={(open) => (open ? null : setUsing(null))} />
      <SaveAsTemplateDialog target={saving} onOpenChange={(open) => (open ? null : setSaving(null))} />
    </>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h2 className="mb-2 flex items-baseline gap-2 text-[13px] font-semibold tracking-tight">
        {title} <span className="text-[12px] font-normal text-muted tabular-nums">{count}</span>
      </h2>
      <div className="grid grid-cols-[repeat(auto-fill,minmax(300px,1fr))] gap-4">{children}</div>
    </section>
  );
}
