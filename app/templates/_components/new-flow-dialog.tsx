"use client";

import { useQuery } from "@tanstack/react-query";
import { FilePlus2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Dialog } from "~/app/_components/ui/dialog";
import { useTRPC } from "~/app/_lib/trpc";
import { TemplateCard } from "./template-card";
import { UseTemplateDialog, type UsableTemplate } from "./use-template-dialog";

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Creates an empty flow (the flows page owns that mutation). */
  onBlank: () => void;
  blankPending: boolean;
}

/** "New flow": start blank, or from one of the workspace's or the built-in templates. */
export function NewFlowDialog({ open, onOpenChange, onBlank, blankPending }: Props) {
  const t = useTranslations("NewFlow");
  const trpc = useTRPC();
  const locale = useLocale();
  const list = useQuery(trpc.templates.list.queryOptions({ locale }, { enabled: open }));
  const [using, setUsing] = useState<UsableTemplate | null>(null);
  const templates = [...(list.data?.workspace ?? []), ...(list.data?.builtin ?? [])];

  return (
    <>
      <Dialog open={open} onOpenChange={onOpenChange} title={t("title")} description={t("description")} size="xl">
        <div className="grid grid-cols-[repeat(auto-fill,minmax(260px,1fr))] gap-3 p-4">
          <button
            type="button"
            onClick={onBlank}
            disabled={blankPending}
            className="flex min-h-48 flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-border bg-panel p-4 text-center hover:border-accent hover:bg-raised focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-50"
          >
            <FilePlus2 className="size-5 text-accent" aria-hidden />
            <span className="font-semibold">{t("blank")}</span>
            <span className="text-[12px] text-muted">{t("blankHint")}</span>
          </button>
          {templates.map((template) => (
            <TemplateCard
              key={template.ref.kind === "builtin" ? template.ref.key : template.ref.templateId}
              template={template}
              compact
              onUse={(chosen) => {
                onOpenChange(false);
                setUsing(chosen);
              }}
            />
          ))}
        </div>
        {list.isLoading ? <p className="px-4 pb-4 text-muted">{t("loading")}</p> : null}
        <p className="border-t border-border px-4 py-2 text-[12px] text-muted">
          {t.rich("footer", {
            link: (chunks) => (
              <Link href="/templates" className="text-accent hover:underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </Dialog>
      <UseTemplateDialog template={using} onOpenChange={(o) => (o ? null : setUsing(null))} />
    </>
  );
}
