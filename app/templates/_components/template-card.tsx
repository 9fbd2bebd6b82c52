"use client";

import { ArrowRight } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "~/app/_components/ui/button";
import type { TemplateCardData } from "../_lib/types";
import { NeedsList, TagList } from "./needs-list";
import { TemplateGraph } from "./template-thumbnail";

interface Props {
  template: TemplateCardData;
  onUse: (template: TemplateCardData) => void;
  /** Extra actions (export, share) for the workspace's own templates. */
  actions?: ReactNode;
  compact?: boolean;
}

/** One template in a gallery: its graph, what it is for, what it needs, and "Use". */
export function TemplateCard({ template, onUse, actions, compact = false }: Props) {
  const t = useTranslations("TemplateCard");
  const detailHref = template.ref.kind === "workspace" ? `/templates/${template.ref.templateId}` : undefined;
  const title = <span className="font-semibold tracking-tight">{template.name}</span>;
  return (
    <article
      className="flex min-w-0 flex-col overflow-hidden rounded-lg border border-border bg-panel"
      data-testid="template-card"
      aria-label={template.name}
    >
      <TemplateGraph template={template} className={`${compact ? "h-32" : "h-44"} border-b border-border`} />
      <div className="flex flex-1 flex-col gap-2 p-3">
        <div className="flex items-start justify-between gap-2">
          <h3 className="min-w-0 text-[13px] leading-snug">
            {detailHref ? (
              <Link href={detailHref} className="hover:underline">
                {title}
              </Link>
            ) : (
              title
            )}
          </h3>
          <span className="shrink-0 text-[11px] text-muted tabular-nums">
            {template.ref.kind === "builtin" ? t("builtin") : t("version", { version: template.version })}
          </span>
        </div>
        <p className={`text-[12px] leading-snug text-muted ${compact ? "line-clamp-2" : "line-clamp-4"}`}>
          {template.description}
        </p>
        <NeedsList placeholders={template.placeholders} />
        {compact ? null : <TagList tags={template.tags} />}
        <div className="mt-auto flex items-center justify-between gap-2 pt-1">
          <div className="flex items-center gap-1">{actions}</div>
          <Button variant="primary" onClick={() => onUse(template)} aria-label={t("useNamed", { name: template.name })}>
            {t("use")} <ArrowRight className="size-3.5" aria-hidden />
          </Button>
        </div>
      </div>
    </article>
  );
}
